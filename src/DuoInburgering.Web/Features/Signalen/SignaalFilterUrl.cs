using System.Globalization;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

using DuoInburgering.Web.Downloads;
using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Features.Signalen;

/// <summary>
/// The filter as a query string, both ways: the page builds its download links with it and the download
/// endpoints read it back. Unknown parameters (a tampered <c>gemeente=</c>) are ignored: the
/// municipality always comes from the signed-in user.
/// </summary>
public static class SignaalFilterUrl
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>"wi2021" in a URL; null for anything that is not a PIB environment.</summary>
    public static Regime? RegimeUitPad(string? pad) => pad?.ToLowerInvariant() switch
    {
        "wi2021" => Regime.Wi2021,
        "wi2013" => Regime.Wi2013,
        "wi2007" => Regime.Wi2007,
        _ => null,
    };

    public static string Pad(Regime regime) => regime.ToString().ToLowerInvariant();

    public static string AlsQuerystring(SignaalFilter f)
    {
        var q = new Dictionary<string, string?>();
        Zet(q, "code", f.Code);
        Zet(q, "van", f.Van?.ToString("yyyy-MM-dd", Inv));
        Zet(q, "tot", f.Tot?.ToString("yyyy-MM-dd", Inv));
        Zet(q, "afgehandeld", f.Afgehandeld switch { true => "ja", false => "nee", null => null });
        Zet(q, "doelgroep", f.Doelgroep?.ToString());
        Zet(q, "zoek", string.IsNullOrWhiteSpace(f.Zoekterm) ? null : f.Zoekterm.Trim());
        Zet(q, "sorteer", f.Sorteer.ToString().ToLowerInvariant());
        Zet(q, "richting", f.Aflopend ? "aflopend" : "oplopend");
        return QueryHelpers.AddQueryString("", q);
    }

    /// <summary>The filter, or Dutch errors per parameter for values that cannot be read.</summary>
    public static (SignaalFilter? Filter, Dictionary<string, string[]> Fouten) Lees(Regime regime, IQueryCollection query)
    {
        var lezer = new UrlLezer(query);
        var filter = new SignaalFilter(regime)
        {
            Code = lezer.Waarde("code")?.ToUpperInvariant(),
            Van = lezer.Datum("van"),
            Tot = lezer.Datum("tot"),
            Afgehandeld = lezer.Keuze("afgehandeld", w => w switch { "ja" => true, "nee" => (bool?)false, _ => null }, "Kies ja of nee."),
            Doelgroep = lezer.Keuze("doelgroep", w => Kolomwaarden.Herken<Doelgroep>(w),
                "Onbekende doelgroep."),
            Zoekterm = lezer.Waarde("zoek"),
            Sorteer = lezer.Keuze("sorteer", w => Kolomwaarden.Herken<SignaalSortering>(w, hoofdletterOngevoelig: true),
                "Sorteer op datum, code of bsn.") ?? SignaalSortering.Datum,
            Aflopend = lezer.Keuze("richting", w => w switch { "aflopend" => true, "oplopend" => (bool?)false, _ => null }, "Kies oplopend of aflopend.") ?? true,
        };
        return (lezer.Fouten.Count == 0 ? filter : null, lezer.Fouten);
    }

    private static void Zet(Dictionary<string, string?> q, string naam, string? waarde)
    {
        if (waarde is not null)
        {
            q[naam] = waarde;
        }
    }
}
