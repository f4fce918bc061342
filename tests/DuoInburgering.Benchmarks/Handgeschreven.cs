using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using DuoInburgering.Web.Downloads;
using DuoInburgering.Web.Features.Signalen;

// The portal's hand-written CSV writer and .xlsx writer as they were before issue 16 item 6 replaced them with CsvHelper and
// SpreadCheetah (kept here, unchanged but for their names, so "bibliotheken" can still compare the two).
namespace DuoInburgering.Benchmarks;

/// <summary>
/// CSV for Dutch Excel: a UTF-8 byte-order mark (else Excel reads it as Windows-1252), ';' between fields
/// (the Dutch list separator), CRLF and quoting per RFC 4180. A field that starts with = + - @ (or a tab
/// or CR) gets a leading apostrophe so a spreadsheet never runs it as a formula (OWASP CSV injection).
/// Any row type: a header and one function per column; one writer for every download (signals, rejected
/// import lines, a correction's preview).
/// </summary>
internal class HandCsvUitvoer<TRij>(Stream uit, IReadOnlyList<string> koppen, IReadOnlyList<Func<TRij, string?>> velden)
{
    public const char Scheiding = ';';
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private readonly HandTekstUitvoer _uit = new(uit);

    public async Task KopAsync(CancellationToken ct)
    {
        await uit.WriteAsync(Bom, ct);
        _uit.Buffer.AppendJoin(Scheiding, koppen.Select(CsvVeilig.Veld)).Append("\r\n");
    }

    public ValueTask RijAsync(TRij rij, CancellationToken ct)
    {
        var b = _uit.Buffer;
        for (var i = 0; i < velden.Count; i++)
        {
            if (i > 0)
            {
                b.Append(Scheiding);
            }
            b.Append(CsvVeilig.Veld(velden[i](rij)));
        }
        b.Append("\r\n");
        return _uit.MisschienLegenAsync(ct);
    }

    public Task AfsluitenAsync(CancellationToken ct) => _uit.LegenAsync(ct);
}



/// <summary>
/// Collects text and writes it as UTF-8 to a stream in blocks of about 32 KB, always asynchronously:
/// Kestrel refuses synchronous writes, and a block at a time keeps a download's memory flat.
/// </summary>
internal sealed class HandTekstUitvoer(Stream uit)
{
    public const int Blok = 32 * 1024;
    private readonly StringBuilder _buffer = new(Blok + 1024);

    public StringBuilder Buffer => _buffer;

    public ValueTask MisschienLegenAsync(CancellationToken ct) =>
        _buffer.Length >= Blok ? new ValueTask(LegenAsync(ct)) : ValueTask.CompletedTask;

    public async Task LegenAsync(CancellationToken ct)
    {
        if (_buffer.Length == 0)
        {
            return;
        }
        var tekst = _buffer.ToString();
        _buffer.Clear();
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(tekst.Length));
        try
        {
            var n = Encoding.UTF8.GetBytes(tekst, bytes);
            await uit.WriteAsync(bytes.AsMemory(0, n), ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}


/// <summary>
/// A minimal, valid .xlsx written as it streams: the OOXML parts go into a zip in Create mode, which
/// needs no seeking, with every cell an inline string (no shared-string table to hold in memory) and
/// dates as real dates (style 1, number format 14), so Excel and LibreOffice sort and filter them.
/// </summary>
internal sealed class HandSignaalXlsx : IAsyncDisposable
{
    private const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PkgRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string Kop = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static readonly DateOnly Nuldag = new(1899, 12, 30);

    private static readonly System.Buffers.SearchValues<char> Bijzonder = System.Buffers.SearchValues.Create(
        "&<>\"" + new string(Enumerable.Range(0, 32).Select(i => (char)i).Where(c => c is not ('\t' or '\n' or '\r')).ToArray()));

    private readonly AsyncUitvoerStroom _stroom;
    private readonly ZipArchive _zip;
    private readonly IReadOnlyList<SignaalKolom> _kolommen;
    private Stream? _blad;
    private HandTekstUitvoer? _uit;

    private HandSignaalXlsx(AsyncUitvoerStroom stroom, ZipArchive zip, IReadOnlyList<SignaalKolom> kolommen) =>
        (_stroom, _zip, _kolommen) = (stroom, zip, kolommen);

    public static async Task<HandSignaalXlsx> StartAsync(Stream uit, IReadOnlyList<SignaalKolom> kolommen, string bladnaam, CancellationToken ct)
    {
        var stroom = new AsyncUitvoerStroom(uit);
        var zip = await ZipArchive.CreateAsync(stroom, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        var x = new HandSignaalXlsx(stroom, zip, kolommen);
        await x.DeelAsync("[Content_Types].xml", Kop +
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
            "</Types>", ct);
        await x.DeelAsync("_rels/.rels", Kop + $"<Relationships xmlns=\"{PkgRelNs}\">" +
            $"<Relationship Id=\"rId1\" Type=\"{RelNs}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>", ct);
        await x.DeelAsync("xl/workbook.xml", Kop + $"<workbook xmlns=\"{Ns}\" xmlns:r=\"{RelNs}\"><sheets>" +
            $"<sheet name=\"{Escape(bladnaam)}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", ct);
        await x.DeelAsync("xl/_rels/workbook.xml.rels", Kop + $"<Relationships xmlns=\"{PkgRelNs}\">" +
            $"<Relationship Id=\"rId1\" Type=\"{RelNs}/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
            $"<Relationship Id=\"rId2\" Type=\"{RelNs}/styles\" Target=\"styles.xml\"/></Relationships>", ct);
        await x.DeelAsync("xl/styles.xml", Kop + $"<styleSheet xmlns=\"{Ns}\">" +
            "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>" +
            "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>" +
            "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>" +
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>" +
            "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>" +
            "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>" +
            "</styleSheet>", ct);

        x._blad = await zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).OpenAsync(ct);
        x._uit = new HandTekstUitvoer(x._blad);
        x._uit.Buffer.Append(Kop).Append("<worksheet xmlns=\"").Append(Ns).Append("\"><sheetData><row>");
        foreach (var k in kolommen)
        {
            Tekstcel(x._uit.Buffer, k.Kop);
        }
        x._uit.Buffer.Append("</row>");
        await stroom.LegenAsync(ct);
        return x;
    }

    public ValueTask RijAsync(SignaalRij rij, CancellationToken ct)
    {
        var b = _uit!.Buffer;
        b.Append("<row>");
        foreach (var k in _kolommen)
        {
            if (k.Datum?.Invoke(rij) is { } datum)
            {
                b.Append("<c s=\"1\"><v>").Append((datum.DayNumber - Nuldag.DayNumber).ToString(CultureInfo.InvariantCulture)).Append("</v></c>");
            }
            else
            {
                Tekstcel(b, k.Tekst(rij));
            }
        }
        b.Append("</row>");
        return b.Length >= HandTekstUitvoer.Blok ? new ValueTask(LegenAsync(ct)) : ValueTask.CompletedTask;
    }

    private async Task LegenAsync(CancellationToken ct)
    {
        await _uit!.LegenAsync(ct);
        await _stroom.LegenAsync(ct);
    }

    public async Task AfsluitenAsync(CancellationToken ct)
    {
        _uit!.Buffer.Append("</sheetData></worksheet>");
        await _uit.LegenAsync(ct);
        await _blad!.DisposeAsync();
        _blad = null;
        await _zip.DisposeAsync();
        await _stroom.LegenAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_blad is not null)
        {
            await _blad.DisposeAsync();
        }
        await _zip.DisposeAsync();
    }

    private async Task DeelAsync(string naam, string xml, CancellationToken ct)
    {
        await using var s = await _zip.CreateEntry(naam, CompressionLevel.Fastest).OpenAsync(ct);
        await s.WriteAsync(Encoding.UTF8.GetBytes(xml), ct);
    }

    private static void Tekstcel(StringBuilder b, string? tekst)
    {
        if (string.IsNullOrEmpty(tekst))
        {
            b.Append("<c/>");
            return;
        }
        b.Append("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">").Append(Escape(tekst)).Append("</t></is></c>");
    }

    /// <summary>XML-escapes, and drops control characters XML 1.0 cannot carry at all.</summary>
    private static string Escape(string s)
    {
        if (s.AsSpan().IndexOfAny(Bijzonder) < 0)
        {
            return s;
        }
        var b = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            _ = c switch
            {
                '&' => b.Append("&amp;"),
                '<' => b.Append("&lt;"),
                '>' => b.Append("&gt;"),
                '"' => b.Append("&quot;"),
                < ' ' when c is not ('\t' or '\n' or '\r') => b,
                _ => b.Append(c),
            };
        }
        return b.ToString();
    }
}
