using System.Globalization;
using System.Text;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Web.Data.Entities;
using Microsoft.AspNetCore.Http;

using DuoInburgering.Web.Audit;

namespace DuoInburgering.Web.Features.Audit;

/// <summary>
/// What the auditor asks of one municipality's disclosures: a municipality and a period (days in the Netherlands,
/// both inclusive) are required; kanaal, user and screen narrow it; at least one kind: disclosures to its users,
/// signals it received.
/// </summary>
/// <param name="Omschrijving">Part of the screen or download's description ("signalenlijst", "persoonspagina"), any case.</param>
public sealed record VerstrekkingenFilter(
    string Gemeente, DateOnly Van, DateOnly TotEnMet, bool Verstrekkingen = true, bool Signalen = true,
    VerstrekkingKanaal? Kanaal = null, string? Gebruiker = null, string? Omschrijving = null)
{
    /// <summary>The kinds of audit rows this filter asks for.</summary>
    public string[] Soorten => [.. new[] { (Verstrekkingen, AuditSoort.Verstrekking), (Signalen, AuditSoort.SignaalVerzonden) }
        .Where(s => s.Item1).Select(s => s.Item2.ToString())];

    /// <summary>The filter as the query of the CSV download (the same names the form uses).</summary>
    public string AlsQuerystring()
    {
        var q = new StringBuilder("?gemeente=").Append(Uri.EscapeDataString(Gemeente))
            .Append("&van=").Append(Van.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append("&tot=").Append(TotEnMet.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (Verstrekkingen)
        {
            q.Append("&soort=verstrekkingen");
        }
        if (Signalen)
        {
            q.Append("&soort=signalen");
        }
        if (Kanaal is { } k)
        {
            q.Append("&kanaal=").Append(k);
        }
        if (!string.IsNullOrWhiteSpace(Gebruiker))
        {
            q.Append("&gebruiker=").Append(Uri.EscapeDataString(Gebruiker));
        }
        if (!string.IsNullOrWhiteSpace(Omschrijving))
        {
            q.Append("&omschrijving=").Append(Uri.EscapeDataString(Omschrijving));
        }
        return q.ToString();
    }
}

/// <summary>The form as typed (strings from the fields), read into a <see cref="VerstrekkingenFilter"/> or Dutch errors per field.</summary>
public sealed class VerstrekkingenFormulier
{
    public const string VeldGemeente = "gemeente";
    public const string VeldVan = "van";
    public const string VeldTot = "tot";
    public const string VeldSoort = "soort";
    public const string VeldKanaal = "kanaal";

    /// <summary>CBS code (GM0363), any case.</summary>
    public string? Gemeente { get; set; }

    /// <summary>yyyy-MM-dd, as an input of type date sends it.</summary>
    public string? Van { get; set; }

    public string? Tot { get; set; }
    public bool Verstrekkingen { get; set; } = true;
    public bool Signalen { get; set; } = true;
    public string? Kanaal { get; set; }
    public string? Gebruiker { get; set; }
    public string? Omschrijving { get; set; }

    /// <param name="bekendeGemeenten">The CBS codes of table gemeente: a well-formed code that is not a municipality is refused too.</param>
    public (VerstrekkingenFilter? Filter, IReadOnlyDictionary<string, string> Fouten) Lees(IReadOnlySet<string> bekendeGemeenten)
    {
        ArgumentNullException.ThrowIfNull(bekendeGemeenten);
        var fouten = new Dictionary<string, string>();
        var code = Gemeente?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            fouten[VeldGemeente] = "Kies een gemeente.";
        }
        else if (GemeenteCode.Controleer(code) is { } fout)
        {
            fouten[VeldGemeente] = fout;
        }
        else if (!bekendeGemeenten.Contains(code))
        {
            fouten[VeldGemeente] = $"{code} is geen bekende gemeente (CBS-lijst).";
        }

        var (van, foutVan) = LekrapportBereik.Datum(Van, "Vul de periode in: de datum 'vanaf' ontbreekt.");
        var (tot, foutTot) = LekrapportBereik.Datum(Tot, "Vul de periode in: de datum 'tot en met' ontbreekt.");
        if (van is { } a && tot is { } b && b < a)
        {
            foutTot = "De datum 'tot en met' ligt vóór de datum 'vanaf'.";
        }
        if (foutVan is not null)
        {
            fouten[VeldVan] = foutVan;
        }
        if (foutTot is not null)
        {
            fouten[VeldTot] = foutTot;
        }
        if (!Verstrekkingen && !Signalen)
        {
            fouten[VeldSoort] = "Kies ten minste één soort: verstrekkingen aan gebruikers of ontvangen signalen.";
        }
        VerstrekkingKanaal? kanaal = null;
        if (!string.IsNullOrWhiteSpace(Kanaal))
        {
            if (Enum.TryParse<VerstrekkingKanaal>(Kanaal.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k))
            {
                kanaal = k;
            }
            else
            {
                fouten[VeldKanaal] = $"Onbekend kanaal; kies {string.Join(", ", Enum.GetNames<VerstrekkingKanaal>())}.";
            }
        }
        return fouten.Count > 0
            ? (null, fouten)
            : (new VerstrekkingenFilter(code!, van!.Value, tot!.Value, Verstrekkingen, Signalen, kanaal,
                Leeg(Gebruiker), Leeg(Omschrijving)), fouten);
    }

    /// <summary>The CSV download's query (<see cref="VerstrekkingenFilter.AlsQuerystring"/>); no soort means both.</summary>
    public static VerstrekkingenFormulier UitQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var soorten = query["soort"].Select(s => s?.Trim().ToLowerInvariant()).ToList();
        return new VerstrekkingenFormulier
        {
            Gemeente = query["gemeente"],
            Van = query["van"],
            Tot = query["tot"],
            Verstrekkingen = soorten.Count == 0 || soorten.Contains("verstrekkingen"),
            Signalen = soorten.Count == 0 || soorten.Contains("signalen"),
            Kanaal = query["kanaal"],
            Gebruiker = query["gebruiker"],
            Omschrijving = query["omschrijving"],
        };
    }

    private static string? Leeg(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
