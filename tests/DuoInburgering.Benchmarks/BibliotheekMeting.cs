using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Border = DocumentFormat.OpenXml.Spreadsheet.Border;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using Fill = DocumentFormat.OpenXml.Spreadsheet.Fill;
using DuoInburgering.Domain.Evaluatie;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Web.Downloads;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Verwerking.Feiten;
using SpreadCheetah;
using SpreadCheetah.Styling;
using Sylvan.Data.Csv;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// Issue 16 item 6, "libraries where they serve": the hand-written CSV reader (<see cref="FeitenCsv"/>), CSV writer
/// (<see cref="SignaalCsv"/>) and .xlsx writer (<see cref="SignaalXlsx"/>) against well-kept libraries, in memory, on the
/// same rows: an IND file of the synthetic population for reading, signal rows for writing. Each library variant does the
/// whole job the portal's code does (line numbers and raw lines for rejects, the same validation; BOM, ';', CRLF, quoting and
/// formula neutralisation; streamed output), so the figures compare like with like. Writers write to a stream that only
/// counts (and, in the warm-up, hashes) the bytes, so the output is never held whole. Per run: rows/s, bytes allocated, and
/// the peak rise of the managed heap (sampled every 5 ms) over the baseline. The variants of a group take turns, run after
/// run, so a busy moment on this shared machine does not fall on one of them only; min and median over the runs are printed.
/// </summary>
internal static class BibliotheekMeting
{
    private const string Scheiding = ";";

    public static async Task<int> RunAsync(string[] args)
    {
        var rijen = Getal(args, "--rijen", 1_000_000);
        var keer = Getal(args, "--keer", 5);
        var alleen = Optie(args, "--alleen");
        Console.WriteLine($"Bibliotheken: {rijen:N0} rijen, {keer} metingen per variant na een opwarmronde; {Environment.ProcessorCount} kernen; " +
            $"{(GCSettings() ? "server" : "werkstation")}-GC");
        if (alleen is null or "lezen")
        {
            await LezenAsync(rijen, keer);
        }
        if (alleen is null or "csv")
        {
            await CsvSchrijvenAsync(rijen, keer);
        }
        if (alleen is null or "xlsx")
        {
            await XlsxSchrijvenAsync(rijen, keer);
        }
        return 0;
    }

    private static bool GCSettings() => System.Runtime.GCSettings.IsServerGC;

    // ---------------------------------------------------------------- reading

    private static async Task LezenAsync(int personen, int keer)
    {
        var ind = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        SynthetischePopulatie.Schrijf(new SyntheseOpties(personen), ind, TextWriter.Null, TextWriter.Null);
        var bytes = Encoding.UTF8.GetBytes(ind.ToString());
        ind = null;
        Console.WriteLine();
        Console.WriteLine($"Lezen: ind.csv van {personen:N0} personen, {bytes.Length / 1048576.0:F0} MB in het geheugen " +
            "(de invoer zelf telt niet mee in het geheugen hieronder)");
        var schema = FeitSchema.Ind;
        TextReader Tekst() => new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        await MeetGroepAsync("Lezen en splitsen (zonder validatie)", keer,
        [
            new("met de hand (ReadLine + CsvVeld.Splits)", () => Task.FromResult(SplitsHand(Tekst()))),
            new("Sylvan.Data.Csv 1.4.4", () => Task.FromResult(SplitsSylvan(Tekst()))),
            new("CsvHelper 34.0.0 (UTF-8)", () => Task.FromResult(SplitsCsvHelper(bytes))),
        ]);
        await MeetGroepAsync("FeitenCsv.Lees: splitsen, bericht maken en valideren (zoals de import)", keer,
        [
            new("met de hand (FeitenCsv)", () => Task.FromResult(Tel(FeitenCsv.Lees(Tekst(), schema)))),
            new("Sylvan.Data.Csv 1.4.4", () => Task.FromResult(Tel(LeesSylvan(Tekst(), schema)))),
            new("CsvHelper 34.0.0 (UTF-8)", () => Task.FromResult(Tel(LeesCsvHelper(new MemoryStream(bytes, writable: false), schema)))),
            new("CsvHelper 34.0.0 ParallelEnumerate", () => Task.FromResult(Tel(LeesCsvHelperParallel(new MemoryStream(bytes, writable: false), schema)))),
        ]);
    }

    /// <summary>Rows, and a checksum of line numbers, errors and raw lines, so the variants can be seen to agree.</summary>
    private static Uitkomst Tel(IEnumerable<CsvRegel> regels)
    {
        long n = 0, controle = 0;
        foreach (var r in regels)
        {
            n++;
            controle += r.Regel * 31L + r.Inhoud.Length + (r.Fout?.Length ?? 0) + (r.Bericht?.BerichtId?.Length ?? 0);
        }
        return new(n, controle);
    }

    private static Uitkomst SplitsHand(TextReader reader)
    {
        long n = 0, lengte = 0;
        reader.ReadLine();
        while (reader.ReadLine() is { } regel)
        {
            if (regel.Length == 0)
            {
                continue;
            }
            foreach (var v in CsvVeld.Splits(regel))
            {
                lengte += v.Length;
            }
            n++;
        }
        return new(n, lengte);
    }

    private static Uitkomst SplitsSylvan(TextReader reader)
    {
        using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        long n = 0, lengte = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.RowFieldCount; i++)
            {
                lengte += csv.GetString(i).Length;
            }
            n++;
        }
        return new(n, lengte);
    }

    private static Uitkomst SplitsCsvHelper(byte[] bytes)
    {
        using var csv = CsvHelper.CsvReader.Create(bytes, new CsvHelper.CsvReaderOptions { Separator = ',', HasHeader = true });
        long n = 0, lengte = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                lengte += csv.GetString(i).Length;
            }
            n++;
        }
        return new(n, lengte);
    }

    /// <summary>What <see cref="FeitenCsv.Lees"/> does, with Sylvan splitting: the same blocks, validated in parallel.</summary>
    private static IEnumerable<CsvRegel> LeesSylvan(TextReader reader, FeitSchema schema)
    {
        var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',', OwnsReader = true });
        if (!csv.Read())
        {
            throw new FeitenCsvException("Het bestand is leeg: de kopregel ontbreekt.");
        }
        var positie = Posities(Enumerable.Range(0, csv.RowFieldCount).Select(i => csv.GetString(i)).ToList(), schema);
        return Regels().Chunk(8192).SelectMany(blok => blok.AsParallel().AsOrdered().Select(r => Regel(r, positie, schema)));

        IEnumerable<(int Nummer, string Tekst, string[] Velden)> Regels()
        {
            using (csv)
            {
                while (csv.Read())
                {
                    var velden = new string[csv.RowFieldCount];
                    for (var i = 0; i < velden.Length; i++)
                    {
                        velden[i] = csv.GetString(i);
                    }
                    yield return (csv.RowNumber, new string(csv.GetRawRecordSpan().TrimEnd("\r\n")), velden);
                }
            }
        }
    }

    /// <summary>What <see cref="FeitenCsv.Lees"/> does, with CsvHelper splitting UTF-8 (line numbers tracked by the reader).</summary>
    private static IEnumerable<CsvRegel> LeesCsvHelper(Stream stream, FeitSchema schema)
    {
        var csv = CsvHelper.CsvReader.Create(stream, new CsvHelper.CsvReaderOptions
        {
            Separator = ',', HasHeader = false, TrackLineNumbers = true, AllowLineBreaksInQuotes = false,
        });
        if (!csv.Read())
        {
            throw new FeitenCsvException("Het bestand is leeg: de kopregel ontbreekt.");
        }
        var positie = Posities(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToList(), schema);
        return Regels().Chunk(8192).SelectMany(blok => blok.AsParallel().AsOrdered().Select(r => Regel(r, positie, schema)));

        IEnumerable<(int Nummer, string Tekst, string[] Velden)> Regels()
        {
            using (csv)
            {
                while (csv.Read())
                {
                    var velden = new string[csv.FieldCount];
                    for (var i = 0; i < velden.Length; i++)
                    {
                        velden[i] = csv.GetString(i);
                    }
                    yield return ((int)csv.LineNumber, Encoding.UTF8.GetString(csv.RawRecord), velden);
                }
            }
        }
    }

    /// <summary>
    /// As <see cref="LeesCsvHelper"/>, but the way CsvHelper parallelises: its workers split, build and validate each record
    /// (<see cref="CsvHelper.CsvReader.ParallelEnumerate{T}(Func{CsvHelper.CsvReader, T}, int)"/>), results in file order.
    /// </summary>
    private static IEnumerable<CsvRegel> LeesCsvHelperParallel(Stream stream, FeitSchema schema)
    {
        var csv = CsvHelper.CsvReader.Create(stream, new CsvHelper.CsvReaderOptions
        {
            Separator = ',', HasHeader = false, TrackLineNumbers = true, AllowLineBreaksInQuotes = false,
        });
        if (!csv.Read())
        {
            throw new FeitenCsvException("Het bestand is leeg: de kopregel ontbreekt.");
        }
        var positie = Posities(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToList(), schema);
        return Regels();

        IEnumerable<CsvRegel> Regels()
        {
            using (csv)
            {
                foreach (var r in csv.ParallelEnumerate(w =>
                {
                    var velden = new string[w.FieldCount];
                    for (var i = 0; i < velden.Length; i++)
                    {
                        velden[i] = w.GetString(i);
                    }
                    return Regel(((int)w.LineNumber, Encoding.UTF8.GetString(w.RawRecord), velden), positie, schema);
                }, -1))
                {
                    yield return r;
                }
            }
        }
    }

    private static CsvRegel Regel((int Nummer, string Tekst, string[] Velden) r, int[] positie, FeitSchema schema)
    {
        if (r.Velden.Length != positie.Length)
        {
            return new(r.Nummer, r.Tekst, null, $"Verwacht {positie.Length} kolommen, gevonden {r.Velden.Length}.");
        }
        var waarden = new string?[positie.Length];
        for (var i = 0; i < positie.Length; i++)
        {
            waarden[i] = r.Velden[positie[i]];
        }
        var bericht = schema.Bericht(waarden);
        return new(r.Nummer, r.Tekst, bericht, BerichtValidatie.Controleer(bericht));
    }

    private static int[] Posities(List<string> kop, FeitSchema schema)
    {
        var namen = kop.Select(k => k.TrimStart('\uFEFF').Trim().ToLowerInvariant()).ToList();
        if (namen.Count != schema.Kolommen.Count || schema.Kolommen.Any(k => !namen.Contains(k)))
        {
            throw new FeitenCsvException("De kopregel past niet.");
        }
        return schema.Kolommen.Select(k => namen.IndexOf(k)).ToArray();
    }

    // ---------------------------------------------------------------- writing CSV

    private static readonly IReadOnlyList<SignaalKolom> Kolommen = SignaalKolommen.Lijst;

    /// <summary>
    /// Signal rows as the Wi2021 list holds them: BSN, a name (none for one in twelve), a code of the catalogue, a date, handled
    /// or not; one name in a thousand starts with = or holds a ';' or a quote, so neutralising and quoting are exercised too.
    /// </summary>
    private static SignaalRij[] MaakSignalen(int aantal)
    {
        var rnd = new Random(42);
        string[] voornamen = ["Samira", "Yusuf", "Amanuel", "Olena", "Mohammed", "Fatima", "Ahmad", "Tesfay", "Li", "Maria"];
        string[] achternamen = ["Haddad", "Tesfaye", "Kovalenko", "Al-Hassan", "Rahimi", "Yilmaz", "Mekonnen", "Wang", "de Vries", "Nowak"];
        var codes = Enum.GetNames<SignaalCode>();
        var basis = new DateOnly(2022, 1, 1);
        var uit = new SignaalRij[aantal];
        for (var i = 0; i < aantal; i++)
        {
            var naam = rnd.Next(12) == 0 ? null : voornamen[rnd.Next(voornamen.Length)] + " " + achternamen[rnd.Next(achternamen.Length)];
            naam = rnd.Next(1000) switch
            {
                0 => "=HYPERLINK(\"http://x\";\"klik\")",
                1 => naam + "; junior",
                2 => "\"" + naam + "\"",
                _ => naam,
            };
            var datum = basis.AddDays(rnd.Next(0, 365 * 4));
            uit[i] = new SignaalRij(i + 1, (900_000_000 + rnd.Next(90_000_000)).ToString(CultureInfo.InvariantCulture), naam, "asiel",
                codes[rnd.Next(codes.Length)], datum, rnd.Next(3) == 0 ? new DateTimeOffset(datum.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
        }
        return uit;
    }

    private static async Task CsvSchrijvenAsync(int aantal, int keer)
    {
        var rijen = MaakSignalen(aantal);
        Console.WriteLine();
        Console.WriteLine($"CSV schrijven: {aantal:N0} signaalrijen (kolommen {string.Join(", ", Kolommen.Select(k => k.Kop))}) naar een telstroom");
        await MeetGroepAsync("CSV voor Nederlands Excel (BOM, ';', CRLF, RFC 4180, formules geneutraliseerd)", keer,
        [
            new("met de hand (HandCsvUitvoer, was CsvUitvoer)", () => SchrijfCsvHandAsync(rijen)),
            new("Sylvan.Data.Csv 1.4.4 CsvDataWriter", () => SchrijfCsvSylvanAsync(rijen)),
            new("CsvHelper 34.0.0 (CsvUitvoer, SignaalCsv)", () => SchrijfCsvHelperAsync(rijen)),
        ], schrijvend: true);
    }

    private static async Task<Uitkomst> SchrijfCsvHandAsync(SignaalRij[] rijen)
    {
        var teller = Telstroom.Huidig!;
        var csv = new HandCsvUitvoer<SignaalRij>(teller, [.. Kolommen.Select(k => k.Kop)], [.. Kolommen.Select(k => k.Tekst)]);
        await csv.KopAsync(default);
        foreach (var r in rijen)
        {
            await csv.RijAsync(r, default);
        }
        await csv.AfsluitenAsync(default);
        return new(rijen.Length, teller.Bytes);
    }

    private static async Task<Uitkomst> SchrijfCsvSylvanAsync(SignaalRij[] rijen)
    {
        var teller = Telstroom.Huidig!;
        await teller.WriteAsync(Encoding.UTF8.Preamble.ToArray());
        await using var tekst = new StreamWriter(teller, new UTF8Encoding(false), 32 * 1024, leaveOpen: true);
        await using (var csv = CsvDataWriter.Create(tekst, new CsvDataWriterOptions { Delimiter = ';', NewLine = "\r\n", WriteHeaders = true }))
        {
            await csv.WriteAsync(new RijenLezer(rijen), default);
        }
        await tekst.FlushAsync();
        return new(rijen.Length, teller.Bytes);
    }

    private static async Task<Uitkomst> SchrijfCsvHelperAsync(SignaalRij[] rijen)
    {
        var teller = Telstroom.Huidig!;
        var csv = new SignaalCsv(teller, Kolommen);
        await csv.KopAsync(default);
        foreach (var r in rijen)
        {
            await csv.RijAsync(r, default);
        }
        await csv.AfsluitenAsync(default);
        return new(rijen.Length, teller.Bytes);
    }

    private static string? Neutraal(string? waarde) => CsvVeilig.Neutraal(waarde);

    /// <summary>The signal rows as a data reader, which is what Sylvan's writer writes: every column a neutralised string.</summary>
    private sealed class RijenLezer(SignaalRij[] rijen) : DbDataReader, IDbColumnSchemaGenerator
    {
        private int _i = -1;

        public System.Collections.ObjectModel.ReadOnlyCollection<DbColumn> GetColumnSchema() =>
            Kolommen.Select((k, i) => (DbColumn)new Kolom(k.Kop, i)).ToList().AsReadOnly();

        private sealed class Kolom : DbColumn
        {
            public Kolom(string naam, int i) => (ColumnName, ColumnOrdinal, DataType, DataTypeName, AllowDBNull) = (naam, i, typeof(string), "string", true);
        }

        public override bool Read() => ++_i < rijen.Length;
        public override int FieldCount => Kolommen.Count;
        public override string GetName(int ordinal) => Kolommen[ordinal].Kop;
        public override Type GetFieldType(int ordinal) => typeof(string);
        public override string GetDataTypeName(int ordinal) => "string";
        public override string GetString(int ordinal) => Neutraal(Kolommen[ordinal].Tekst(rijen[_i])) ?? "";
        public override object GetValue(int ordinal) => Neutraal(Kolommen[ordinal].Tekst(rijen[_i])) ?? (object)DBNull.Value;
        public override bool IsDBNull(int ordinal) => Kolommen[ordinal].Tekst(rijen[_i]) is null;
        public override int GetOrdinal(string name) => Kolommen.Select(k => k.Kop).ToList().IndexOf(name);
        public override int GetValues(object[] values)
        {
            for (var i = 0; i < FieldCount; i++)
            {
                values[i] = GetValue(i);
            }
            return FieldCount;
        }
        public override object this[int ordinal] => GetValue(ordinal);
        public override object this[string name] => GetValue(GetOrdinal(name));
        public override int RecordsAffected => -1;
        public override bool HasRows => rijen.Length > 0;
        public override bool IsClosed => false;
        public override int Depth => 0;
        public override bool NextResult() => false;
        public override bool GetBoolean(int ordinal) => throw new NotSupportedException();
        public override byte GetByte(int ordinal) => throw new NotSupportedException();
        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
        public override char GetChar(int ordinal) => throw new NotSupportedException();
        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
        public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();
        public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();
        public override double GetDouble(int ordinal) => throw new NotSupportedException();
        public override float GetFloat(int ordinal) => throw new NotSupportedException();
        public override Guid GetGuid(int ordinal) => throw new NotSupportedException();
        public override short GetInt16(int ordinal) => throw new NotSupportedException();
        public override int GetInt32(int ordinal) => throw new NotSupportedException();
        public override long GetInt64(int ordinal) => throw new NotSupportedException();
        public override System.Collections.IEnumerator GetEnumerator() => throw new NotSupportedException();
    }

    // ---------------------------------------------------------------- writing .xlsx

    private static async Task XlsxSchrijvenAsync(int aantal, int keer)
    {
        var rijen = MaakSignalen(aantal);
        Console.WriteLine();
        Console.WriteLine($"XLSX schrijven: {aantal:N0} signaalrijen, inline tekst en echte datums (stijl numFmt 14), Fastest-compressie");
        await MeetGroepAsync("Gestreamde .xlsx", keer,
        [
            new("met de hand (HandSignaalXlsx, was SignaalXlsx)", () => SchrijfXlsxHandAsync(rijen)),
            new("SpreadCheetah 1.29.0 (SignaalXlsx)", () => SchrijfXlsxSignaalXlsxAsync(rijen)),
            new("SpreadCheetah 1.29.0 direct", () => SchrijfXlsxSpreadCheetahAsync(rijen)),
            new("DocumentFormat.OpenXml 3.3.0 OpenXmlWriter", () => SchrijfXlsxOpenXmlAsync(rijen)),
        ], schrijvend: true);
    }

    private static async Task<Uitkomst> SchrijfXlsxHandAsync(SignaalRij[] rijen)
    {
        var teller = Telstroom.Huidig!;
        await using (var xlsx = await HandSignaalXlsx.StartAsync(teller, Kolommen, "Signalen Wi2021", default))
        {
            foreach (var r in rijen)
            {
                await xlsx.RijAsync(r, default);
            }
            await xlsx.AfsluitenAsync(default);
        }
        return new(rijen.Length, teller.Bytes);
    }

    /// <summary>The portal's writer: SpreadCheetah behind <see cref="AsyncUitvoerStroom"/>, as a response gets it.</summary>
    private static async Task<Uitkomst> SchrijfXlsxSignaalXlsxAsync(SignaalRij[] rijen)
    {
        var teller = Telstroom.Huidig!;
        await using (var xlsx = await SignaalXlsx.StartAsync(teller, Kolommen, "Signalen Wi2021", default))
        {
            foreach (var r in rijen)
            {
                await xlsx.RijAsync(r, default);
            }
            await xlsx.AfsluitenAsync(default);
        }
        return new(rijen.Length, teller.Bytes);
    }

    private static async Task<Uitkomst> SchrijfXlsxSpreadCheetahAsync(SignaalRij[] rijen)
    {
        var teller = Telstroom.Huidig!;
        var opties = new SpreadCheetahOptions
        {
            CompressionLevel = SpreadCheetahCompressionLevel.Fastest,
            DefaultDateTimeFormat = NumberFormat.Standard(StandardNumberFormat.ShortDate),
            PreserveStringWhitespace = true,
        };
        await using (var xlsx = await Spreadsheet.CreateNewAsync(teller, opties))
        {
            await xlsx.StartWorksheetAsync("Signalen Wi2021");
            var cellen = new DataCell[Kolommen.Count];
            for (var i = 0; i < cellen.Length; i++)
            {
                cellen[i] = new DataCell(Kolommen[i].Kop);
            }
            await xlsx.AddRowAsync(cellen);
            foreach (var r in rijen)
            {
                for (var i = 0; i < cellen.Length; i++)
                {
                    var k = Kolommen[i];
                    cellen[i] = k.Datum?.Invoke(r) is { } d ? new DataCell(d.ToDateTime(TimeOnly.MinValue)) : new DataCell(k.Tekst(r));
                }
                await xlsx.AddRowAsync(cellen);
            }
            await xlsx.FinishAsync();
        }
        return new(rijen.Length, teller.Bytes);
    }

    /// <summary>
    /// The Open XML SDK's streaming writer (OpenXmlWriter, reusing its cell objects). SpreadsheetDocument.Create refuses a
    /// write-only stream such as a response body ("The stream was not opened for reading"), so the package is written to a
    /// temporary file (deleted on close) and that file is then copied to the response asynchronously: the nearest this SDK comes
    /// to streaming. The copy is in the time.
    /// </summary>
    private static async Task<Uitkomst> SchrijfXlsxOpenXmlAsync(SignaalRij[] rijen)
    {
        var teller = Telstroom.Huidig!;
        await using var stroom = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var doc = SpreadsheetDocument.Create(stroom, SpreadsheetDocumentType.Workbook))
        {
            doc.CompressionOption = System.IO.Packaging.CompressionOption.SuperFast;
            var boek = doc.AddWorkbookPart();
            boek.Workbook = new Workbook(new Sheets(new Sheet { Name = "Signalen Wi2021", SheetId = 1, Id = "rId1" }));
            var stijl = boek.AddNewPart<WorkbookStylesPart>();
            stijl.Stylesheet = new Stylesheet(
                new Fonts(new DocumentFormat.OpenXml.Spreadsheet.Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var blad = boek.AddNewPart<WorksheetPart>("rId1");
            using (var w = OpenXmlWriter.Create(blad))
            {
                w.WriteStartElement(new Worksheet());
                w.WriteStartElement(new SheetData());
                var tekst = new Text();
                var tekstcel = new Cell(new InlineString(tekst)) { DataType = CellValues.InlineString };
                var datumwaarde = new CellValue();
                var datumcel = new Cell(datumwaarde) { StyleIndex = 1 };
                var leeg = new Cell();
                var rij = new Row();
                void Cel(string? t)
                {
                    if (string.IsNullOrEmpty(t))
                    {
                        w.WriteElement(leeg);
                    }
                    else
                    {
                        tekst.Text = t;
                        w.WriteElement(tekstcel);
                    }
                }
                w.WriteStartElement(rij);
                foreach (var k in Kolommen)
                {
                    Cel(k.Kop);
                }
                w.WriteEndElement();
                foreach (var r in rijen)
                {
                    w.WriteStartElement(rij);
                    foreach (var k in Kolommen)
                    {
                        if (k.Datum?.Invoke(r) is { } d)
                        {
                            datumwaarde.Text = (d.DayNumber - Nuldag).ToString(CultureInfo.InvariantCulture);
                            w.WriteElement(datumcel);
                        }
                        else
                        {
                            Cel(k.Tekst(r));
                        }
                    }
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                w.WriteEndElement();
            }
        }
        stroom.Position = 0;
        await stroom.CopyToAsync(teller);
        return new(rijen.Length, teller.Bytes);
    }

    private static readonly int Nuldag = new DateOnly(1899, 12, 30).DayNumber;

    // ---------------------------------------------------------------- measuring

    private sealed record Variant(string Naam, Func<Task<Uitkomst>> Actie);

    private readonly record struct Uitkomst(long Rijen, long Controle);

    private sealed record Run(double RijenPerSeconde, double Seconden, long Gealloceerd, long PiekHeap, long PiekWerkgeheugen);

    private static async Task MeetGroepAsync(string titel, int keer, Variant[] varianten, bool schrijvend = false)
    {
        Console.WriteLine();
        Console.WriteLine($"== {titel}");
        // Warm-up (JIT tiers, pools): each once, which also shows whether they agree (rows, checksum or output hash).
        foreach (var v in varianten)
        {
            Telstroom.Huidig = new Telstroom(hash: true);
            var u = await v.Actie();
            var teller = Telstroom.Huidig;
            Console.WriteLine(schrijvend
                ? $"   opwarmen {v.Naam}: {u.Rijen:N0} rijen, {teller.Bytes:N0} bytes, sha256 {teller.Hash()[..16]}, synchrone schrijfacties {teller.Synchroon:N0}"
                : $"   opwarmen {v.Naam}: {u.Rijen:N0} rijen, controlegetal {u.Controle:N0}");
        }
        var runs = varianten.ToDictionary(v => v.Naam, _ => new List<Run>());
        for (var i = 0; i < keer; i++)
        {
            for (var j = 0; j < varianten.Length; j++)
            {
                var v = varianten[(i + j) % varianten.Length];
                Telstroom.Huidig = new Telstroom(hash: false);
                runs[v.Naam].Add(await MeetAsync(v.Actie));
            }
        }
        Console.WriteLine($"   {"variant",-45} {"rijen/s min",12} {"mediaan",12} {"max",12} {"alloc MB (med)",15} {"piek heap MB (med/max)",23} {"piek WS MB (med)",17}");
        foreach (var v in varianten)
        {
            var r = runs[v.Naam];
            var snel = r.Select(x => x.RijenPerSeconde).Order().ToList();
            static double Med(IEnumerable<double> xs) { var l = xs.Order().ToList(); return l[l.Count / 2]; }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   {v.Naam,-45} {snel[0],12:N0} {Med(snel),12:N0} {snel[^1],12:N0} {Med(r.Select(x => x.Gealloceerd / 1048576.0)),15:F0} " +
                $"{Med(r.Select(x => x.PiekHeap / 1048576.0)),11:F1}/{r.Max(x => x.PiekHeap) / 1048576.0,-11:F1} {Med(r.Select(x => x.PiekWerkgeheugen / 1048576.0)),17:F1}"));
        }
    }

    private static async Task<Run> MeetAsync(Func<Task<Uitkomst>> actie)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heap0 = GC.GetTotalMemory(true);
        var ws0 = Environment.WorkingSet;
        var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        long heapMax = heap0, wsMax = ws0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                heapMax = Math.Max(heapMax, GC.GetTotalMemory(false));
                wsMax = Math.Max(wsMax, Environment.WorkingSet);
                await Task.Delay(5);
            }
        });
        var sw = Stopwatch.StartNew();
        var u = await actie();
        var tijd = sw.Elapsed;
        await stop.CancelAsync();
        await sampler;
        var alloc = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
        return new Run(u.Rijen / tijd.TotalSeconds, tijd.TotalSeconds, alloc, heapMax - heap0, wsMax - ws0);
    }

    /// <summary>A write-only stream that counts bytes, and hashes them when asked; synchronous writes are counted (Kestrel refuses them).</summary>
    private sealed class Telstroom(bool hash) : Stream
    {
        public static Telstroom? Huidig { get; set; }

        private readonly IncrementalHash? _hash = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;

        public long Bytes { get; private set; }
        public long Synchroon { get; private set; }

        public string Hash() => _hash is null ? "" : Convert.ToHexStringLower(_hash.GetCurrentHash());

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Synchroon++;
            Tel(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Tel(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Tel(buffer.Span);
            return ValueTask.CompletedTask;
        }

        private void Tel(ReadOnlySpan<byte> buffer)
        {
            Bytes += buffer.Length;
            _hash?.AppendData(buffer);
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static string? Optie(string[] args, string naam)
    {
        var i = Array.IndexOf(args, naam);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Getal(string[] args, string naam, int standaard) =>
        Optie(args, naam) is { } tekst ? int.Parse(tekst, CultureInfo.InvariantCulture) : standaard;
}
