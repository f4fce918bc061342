using System.Globalization;

using DuoInburgering.Web.Downloads;

namespace DuoInburgering.Web.Features.Signalen;

/// <summary>One column of a download: its Dutch header and the cell as text (and as a date, for Excel).</summary>
internal sealed record SignaalKolom(string Kop, Func<SignaalRij, string?> Tekst, Func<SignaalRij, DateOnly?>? Datum = null);

internal static class SignaalKolommen
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly SignaalKolom Bsn = new("bsn", r => r.Bsn);
    private static readonly SignaalKolom Code = new("code", r => r.Code);
    private static readonly SignaalKolom Omschrijving = new("omschrijving", r => r.Omschrijving);
    private static readonly SignaalKolom Datum = new("datum", r => Iso(r.Datum), r => r.Datum);
    private static readonly SignaalKolom Afgehandeld = new("afgehandeld", r => r.Afgehandeld ? "ja" : "nee");

    /// <summary>The list on screen.</summary>
    public static readonly IReadOnlyList<SignaalKolom> Lijst =
        [Bsn, new("naam", r => r.Naam), Code, Omschrijving, Datum, Afgehandeld];

    /// <summary>SS190 carries the BSN and nothing else (docs/domain.md), so its list has no name.</summary>
    public static readonly IReadOnlyList<SignaalKolom> Ss190 = [Bsn, Code, Omschrijving, Datum, Afgehandeld];
}
