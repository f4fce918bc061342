using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace DuoInburgering.Web.Features.Correcties;

/// <summary>
/// A correction's version and scope as a query string, both ways: the page builds the download link
/// with it and the download reads it back, with a Dutch error per parameter that cannot be read.
/// </summary>
public static class CorrectieUrl
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string AlsQuerystring(string versie, CorrectieScope scope)
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
        var lezer = new UrlLezer(query);
        var fouten = lezer.Fouten;
        var versie = lezer.Waarde("versie");
        if (versie is null || !RegimeRegelsets.TryGet(versie, out _))
        {
            fouten["versie"] = [$"Kies een regelset: {string.Join(", ", RegimeRegelsets.Alle.Select(r => r.Versie))}."];
        }
        var regime = lezer.Enum<Regime>("regime", "Onbekend regime; kies Wi2007, Wi2013 of Wi2021.");
        var doelgroep = lezer.Enum<Doelgroep>("doelgroep", "Onbekende doelgroep.");
        var van = lezer.Datum("van");
        var tot = lezer.Datum("tot");
        GemeenteCode? gemeente = null;
        if (lezer.Waarde("gemeente") is { } g)
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
