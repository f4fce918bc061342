namespace DuoInburgering.Web.Features.Signalen;

/// <summary>
/// CSV for Dutch Excel: a UTF-8 byte-order mark (else Excel reads it as Windows-1252), ';' between fields
/// (the Dutch list separator), CRLF and quoting per RFC 4180. A field that starts with = + - @ (or a tab
/// or CR) gets a leading apostrophe so a spreadsheet never runs it as a formula (OWASP CSV injection).
/// </summary>
internal sealed class SignaalCsv(Stream uit, IReadOnlyList<SignaalKolom> kolommen)
{
    public const char Scheiding = ';';
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private readonly TekstUitvoer _uit = new(uit);

    public async Task KopAsync(CancellationToken ct)
    {
        await uit.WriteAsync(Bom, ct);
        Regel(kolommen.Select(k => k.Kop));
    }

    public ValueTask RijAsync(SignaalRij rij, CancellationToken ct)
    {
        var b = _uit.Buffer;
        for (var i = 0; i < kolommen.Count; i++)
        {
            if (i > 0)
            {
                b.Append(Scheiding);
            }
            Veld(kolommen[i].Tekst(rij));
        }
        b.Append("\r\n");
        return _uit.MisschienLegenAsync(ct);
    }

    public Task AfsluitenAsync(CancellationToken ct) => _uit.LegenAsync(ct);

    private void Regel(IEnumerable<string> velden)
    {
        _uit.Buffer.AppendJoin(Scheiding, velden.Select(Veilig)).Append("\r\n");
    }

    private void Veld(string? waarde) => _uit.Buffer.Append(Veilig(waarde));

    private static string Veilig(string? waarde) => CsvVeilig.Veld(waarde);
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
