using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using Microsoft.AspNetCore.WebUtilities;

namespace DuoInburgering.Web.Features.Correcties;

/// <summary>
/// A correction's version and scope as a query string, both ways: the page builds the download link
/// with it and the download reads it back, with a Dutch error per parameter that cannot be read.
/// </summary>
public static class CorrectieQuery
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string AlsQuery(string versie, CorrectieScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var q = new Dictionary<string, string?> { ["versie"] = versie };
        void Zet(string naam, string? waarde)
        {
            if (waarde is not null)
            {
                q[naam] = waarde;
            }
        }
        Zet("regime", scope.Regime?.ToString());
        Zet("doelgroep", scope.Doelgroep?.ToString());
        Zet("van", scope.PeildatumVan?.ToString("yyyy-MM-dd", Inv));
        Zet("tot", scope.PeildatumTot?.ToString("yyyy-MM-dd", Inv));
        Zet("gemeente", scope.Gemeente?.Waarde);
        return QueryHelpers.AddQueryString("", q);
    }

    public static (string? Versie, CorrectieScope? Scope, Dictionary<string, string[]> Fouten) Lees(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var fouten = new Dictionary<string, string[]>();
        string? Waarde(string naam) => query.TryGetValue(naam, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        T? Keuze<T>(string naam, string fout) where T : struct, Enum
        {
            var w = Waarde(naam);
            if (w is null)
            {
                return null;
            }
            if (Enum.TryParse<T>(w, true, out var e) && Enum.IsDefined(e) && !char.IsDigit(w[0]))
            {
                return e;
            }
            fouten[naam] = [fout];
            return null;
        }
        DateOnly? Datum(string naam)
        {
            var w = Waarde(naam);
            if (w is null)
            {
                return null;
            }
            if (DateOnly.TryParseExact(w, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var d))
            {
                return d;
            }
            fouten[naam] = ["Geen geldige datum; gebruik jjjj-mm-dd."];
            return null;
        }

        var versie = Waarde("versie");
        if (versie is null || !RegimeRuleSets.TryGet(versie, out _))
        {
            fouten["versie"] = [$"Kies een regelset: {string.Join(", ", RegimeRuleSets.Alle.Select(r => r.Versie))}."];
        }
        var regime = Keuze<Regime>("regime", "Onbekend regime; kies Wi2007, Wi2013 of Wi2021.");
        var doelgroep = Keuze<Doelgroep>("doelgroep", "Onbekende doelgroep.");
        var van = Datum("van");
        var tot = Datum("tot");
        GemeenteCode? gemeente = null;
        if (Waarde("gemeente") is { } g)
        {
            if (GemeenteCode.Controleer(g.ToUpperInvariant()) is { } fout)
            {
                fouten["gemeente"] = [fout];
            }
            else
            {
                gemeente = new GemeenteCode(g.ToUpperInvariant());
            }
        }
        var scope = new CorrectieScope(regime, doelgroep, van, tot, gemeente);
        if (scope.Fouten() is [var scopeFout, ..])
        {
            fouten["tot"] = [scopeFout];
        }
        return fouten.Count == 0 ? (versie, scope, fouten) : (null, null, fouten);
    }
}
