namespace DuoInburgering.Web.Downloads;

/// <summary>
/// CSV for Dutch Excel: a UTF-8 byte-order mark (else Excel reads it as Windows-1252), ';' between fields
/// (the Dutch list separator), CRLF and quoting per RFC 4180. A field that starts with = + - @ (or a tab
/// or CR) gets a leading apostrophe so a spreadsheet never runs it as a formula (OWASP CSV injection).
/// Any row type: a header and one function per column; one writer for every download (signals, rejected
/// import lines, a correction's preview).
/// </summary>
internal class CsvUitvoer<TRij>(Stream uit, IReadOnlyList<string> koppen, IReadOnlyList<Func<TRij, string?>> velden)
{
    public const char Scheiding = ';';
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private readonly TekstUitvoer _uit = new(uit);

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

/// <summary>One CSV field made safe: formula characters neutralised first, then quoted when needed (RFC 4180).</summary>
public static class CsvVeilig
{
    public static string Veld(string? waarde)
    {
        if (string.IsNullOrEmpty(waarde))
        {
            return "";
        }
        if (waarde[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            waarde = "'" + waarde;
        }
        return waarde.AsSpan().IndexOfAny(";\"\r\n") >= 0
            ? "\"" + waarde.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : waarde;
    }
}
