using System.Globalization;
using DuoInburgering.Domain.Identiteit;

using DuoInburgering.Web.Audit;

namespace DuoInburgering.Web.Features.Audit;

/// <summary>
/// The persons a breach report is about. Every scope is a set of persons; the report then covers everything
/// the audit log holds about them, whenever it happened.
/// </summary>
public abstract record LekrapportBereik
{
    private LekrapportBereik()
    {
    }

    /// <summary>The persons of one correction run (table correctie_persoon): everyone whose regime or municipality it changed.</summary>
    public sealed record Correctierun(long CorrectieId) : LekrapportBereik;

    /// <summary>A list of BSNs, each valid (elfproef); duplicates count once. Make one with <see cref="LeesBsns"/>.</summary>
    public sealed record Bsns(IReadOnlyList<string> Lijst) : LekrapportBereik;

    /// <summary>
    /// The persons with a wrong-municipality episode that overlaps these days (Europe/Amsterdam, both inclusive): from the
    /// old municipality's first signal until the correction (<see cref="Lekrapportage"/> "Episodes").
    /// </summary>
    public sealed record Periode(DateOnly Van, DateOnly TotEnMet) : LekrapportBereik;

    /// <summary>The most BSNs one pasted list or file may hold.</summary>
    public const int MaxBsns = 100_000;

    /// <summary>
    /// A pasted list or a file: BSNs separated by line breaks, commas, semicolons or spaces; empty lines are skipped.
    /// Every bad value gets a Dutch message with its line number (the value itself is shown to the auditor only, never logged).
    /// </summary>
    public static (Bsns? Bereik, IReadOnlyList<string> Fouten) LeesBsns(string? tekst)
    {
        var fouten = new List<string>();
        var bsns = new List<string>();
        var gezien = new HashSet<string>(StringComparer.Ordinal);
        var regels = (tekst ?? "").Split('\n');
        for (var i = 0; i < regels.Length; i++)
        {
            foreach (var waarde in regels[i].Split([',', ';', ' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var schoon = waarde.Trim('"', '\'');
                if (Bsn.Controleer(schoon) is { } fout)
                {
                    fouten.Add($"Regel {(i + 1).ToString(CultureInfo.InvariantCulture)} ({Kort(schoon)}): {fout}");
                }
                else if (gezien.Add(schoon))
                {
                    bsns.Add(schoon);
                }
            }
        }
        if (fouten.Count == 0 && bsns.Count == 0)
        {
            fouten.Add("Geef ten minste één BSN, één per regel.");
        }
        if (bsns.Count > MaxBsns)
        {
            fouten.Add($"Te veel BSN's: {bsns.Count.ToString("N0", Nl)}; één rapport neemt er hoogstens {MaxBsns.ToString("N0", Nl)}.");
        }
        return fouten.Count > 0 ? (null, fouten) : (new Bsns(bsns), fouten);
    }

    /// <summary>Dates as an input of type date sends them (yyyy-MM-dd); both required, in order.</summary>
    public static (Periode? Bereik, string? FoutVan, string? FoutTot) LeesPeriode(string? van, string? tot)
    {
        var (v, foutVan) = Datum(van, "Vul de datum 'vanaf' in.");
        var (t, foutTot) = Datum(tot, "Vul de datum 'tot en met' in.");
        if (v is { } a && t is { } b && b < a)
        {
            foutTot = "De datum 'tot en met' ligt vóór de datum 'vanaf'.";
        }
        return foutVan is null && foutTot is null ? (new Periode(v!.Value, t!.Value), null, null) : (null, foutVan, foutTot);
    }

    internal static (DateOnly? Datum, string? Fout) Datum(string? tekst, string ontbreekt)
    {
        if (string.IsNullOrWhiteSpace(tekst))
        {
            return (null, ontbreekt);
        }
        return DateOnly.TryParseExact(tekst.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? (d, null)
            : (null, "Geen geldige datum; gebruik dd-mm-jjjj.");
    }

    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    private static string Kort(string waarde) => waarde.Length <= 20 ? $"'{waarde}'" : $"'{waarde[..20]}…'";
}

/// <summary>
/// The facts of a breach notification (AVG art. 33) and the recipients of a rectification (art. 19) for one scope.
/// No BSN anywhere: counts, categories, municipalities, users and times.
/// </summary>
/// <param name="Omschrijving">The scope in words, e.g. "Correctierun 3 (regelset 2021-12 → 2022-03, …)".</param>
/// <param name="Personen">Persons in the scope.</param>
/// <param name="PersonenVerstrekt">Of those, received (a signal) or viewed (a disclosure) by at least one municipality.</param>
/// <param name="PersonenOnterecht">Of those, received or viewed by at least one municipality that was not responsible for them.</param>
/// <param name="Categorieen">Categories of personal data involved (<see cref="Gegevenscategorieen"/>), for all municipalities together.</param>
/// <param name="Gemeenten">Every municipality that received or viewed a person of the scope, by CBS code.</param>
public sealed record Lekrapport(
    LekrapportBereik Bereik,
    string Omschrijving,
    int Personen,
    int PersonenVerstrekt,
    int PersonenOnterecht,
    IReadOnlyList<string> Categorieen,
    IReadOnlyList<LekrapportGemeente> Gemeenten,
    DateTimeOffset OpgesteldOp)
{
    public DateTimeOffset? Eerste => Gemeenten.Count == 0 ? null : Gemeenten.Min(g => g.Eerste);

    public DateTimeOffset? Laatste => Gemeenten.Count == 0 ? null : Gemeenten.Max(g => g.Laatste);

    /// <summary>The municipalities not responsible for at least one of the persons they received or viewed.</summary>
    public IEnumerable<LekrapportGemeente> NietVerantwoordelijk => Gemeenten.Where(g => !g.Verantwoordelijk);

    /// <summary>
    /// AVG art. 19: every recipient to whom the data were disclosed is told of the rectification: every municipality
    /// in the report, the ones that were not responsible first (they are also asked to remove what they hold).
    /// </summary>
    public IEnumerable<LekrapportGemeente> Rectificatieontvangers => Gemeenten;
}

/// <summary>One municipality that received or viewed persons of the scope.</summary>
/// <param name="Personen">Distinct persons it received or viewed.</param>
/// <param name="PersonenOnterecht">Of those, the persons for which it was not responsible when it received or viewed them.</param>
/// <param name="Ontvangen">Signals it received about them (audit soort SignaalVerzonden).</param>
/// <param name="Ingezien">Times a person was shown to or downloaded by one of its users (audit soort Verstrekking, one per person).</param>
/// <param name="Gebruikers">The users who viewed them (user ids as recorded), sorted.</param>
/// <param name="PersonenElders">Of those, the persons it received or viewed while, by the log's latest derivation, they
/// belonged to another municipality or none (see <see cref="Lekrapportage"/>, "Responsible when").</param>
public sealed record LekrapportGemeente(
    string Code,
    string Naam,
    int Personen,
    int PersonenOnterecht,
    int Ontvangen,
    int Ingezien,
    IReadOnlyList<string> Gebruikers,
    DateTimeOffset Eerste,
    DateTimeOffset Laatste,
    IReadOnlyList<string> Categorieen,
    int PersonenElders = 0)
{
    /// <summary>Responsible for every person at every contact: not misplaced, and the person belonged to it then.</summary>
    public bool Verantwoordelijk => PersonenOnterecht == 0 && PersonenElders == 0;

    /// <summary>The report's "Verantwoordelijk" cell, in Dutch.</summary>
    public string Verantwoordelijkheid =>
        PersonenOnterecht > 0 ? $"Nee, voor {Aantal(PersonenOnterecht)} van {Aantal(Personen)}"
        : PersonenElders > 0 ? $"Nee, voor {Aantal(PersonenElders)} van {Aantal(Personen)}: de persoon hoorde toen bij een andere gemeente (alleen inzage)"
        : "Ja";

    private static string Aantal(int n) => n.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>What to tell this municipality under art. 19.</summary>
    public string Rectificatie => PersonenOnterecht == 0
        ? "De rectificatie doorgeven: de gegevens van deze personen zijn gecorrigeerd."
        : "Melden dat de gegevens ten onrechte zijn verstrekt, de rectificatie doorgeven en vragen wat zij nog hebben te verwijderen.";
}

/// <summary>A scope that does not exist or cannot be reported on; the message is Dutch and shown as is.</summary>
public sealed class LekrapportException(string message) : Exception(message);
