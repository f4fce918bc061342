using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;

namespace DuoInburgering.Domain.Verwerking;

/// <summary>A person's decision before or after a correction, as far as scope and action read it.</summary>
/// <param name="Peildatum">The peildatum of that decision (under rule set 2021-12 the kennisgeving date).</param>
/// <param name="Gemeente">The municipality the person belongs to under that decision's linking.</param>
public sealed record CorrectieStand(RegimeUitkomst Uitkomst, Doelgroep? Doelgroep, DateOnly? Peildatum, GemeenteCode? Gemeente);

/// <summary>
/// Which persons a correction looks at (docs/domain.md "Corrections": "re-runs the rules … over a scope").
/// Every part is optional; an empty scope is everyone. A person is in scope when their decision before
/// OR after the correction matches every part that is set: "Wi2021" takes in both the people placed
/// under Wi2021 now and the people a new rule set would place there, and "GM1706" both the people that
/// municipality sees now and those it would get. A peildatum range matches only a known peildatum.
/// </summary>
public sealed record CorrectieScope(
    Regime? Regime = null,
    Doelgroep? Doelgroep = null,
    DateOnly? PeildatumVan = null,
    DateOnly? PeildatumTot = null,
    GemeenteCode? Gemeente = null)
{
    public static readonly CorrectieScope Iedereen = new();

    public bool Omvat(CorrectieStand oud, CorrectieStand nieuw)
    {
        ArgumentNullException.ThrowIfNull(oud);
        ArgumentNullException.ThrowIfNull(nieuw);
        return Past(oud) || Past(nieuw);
    }

    /// <summary>Does one decision match every part of the scope that is set?</summary>
    public bool Past(CorrectieStand stand)
    {
        ArgumentNullException.ThrowIfNull(stand);
        if (Regime is { } regime && stand.Uitkomst.AlsRegime() != regime)
        {
            return false;
        }

        if (Doelgroep is { } doelgroep && stand.Doelgroep != doelgroep)
        {
            return false;
        }

        if ((PeildatumVan is not null || PeildatumTot is not null)
            && (stand.Peildatum is not DateOnly peil || peil < PeildatumVan || peil > PeildatumTot))
        {
            return false;
        }

        return Gemeente is not { } gemeente || stand.Gemeente == gemeente;
    }

    /// <summary>Dutch errors for a scope that cannot be meant; empty when it is usable.</summary>
    public IReadOnlyList<string> Fouten() =>
        PeildatumVan is { } van && PeildatumTot is { } tot && van > tot
            ? ["De peildatum 'vanaf' ligt na de peildatum 'tot en met'."]
            : [];

    /// <summary>One Dutch line, for the list of runs and the CSV file name's reader.</summary>
    public string Omschrijving()
    {
        var delen = new List<string>(4);
        if (Regime is { } regime)
        {
            delen.Add(regime.ToString());
        }

        if (Doelgroep is { } doelgroep)
        {
            delen.Add(doelgroep.Naam());
        }

        if (PeildatumVan is not null || PeildatumTot is not null)
        {
            delen.Add(string.Create(CultureInfo.InvariantCulture,
                $"peildatum {PeildatumVan?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} t/m {PeildatumTot?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}"));
        }

        if (Gemeente is { } gemeente)
        {
            delen.Add(gemeente.Waarde);
        }

        return delen.Count == 0 ? "iedereen" : string.Join(", ", delen);
    }
}

/// <summary>What applying a correction does to one person.</summary>
public enum CorrectieActie
{
    /// <summary>Regime and municipality stay: the person is not in the preview and apply leaves them alone.</summary>
    Ongewijzigd,

    /// <summary>Wrongly under Wi2021: SS190 to every municipality that had Wi2021 signals, the rest withdrawn, parked.</summary>
    VerlaatWi2021,

    /// <summary>Any other change: re-derived as usual, so the signal rules tell the old and new municipality.</summary>
    Herbepalen,
}

/// <summary>
/// The pure decisions of a correction (docs/domain.md "Corrections, pauses and parked people"): what happens
/// to a person whose regime or municipality changes, and the re-derivation of someone who is parked.
/// </summary>
public static class Correctieregels
{
    /// <summary>
    /// Leaving Wi2021 (to another law, or to no obligation at all) means the Wi2021 placement was wrong:
    /// the municipalities get an SS190 and lose the data; every other change of regime or municipality
    /// is an ordinary re-derivation with its signals.
    /// </summary>
    public static CorrectieActie Actie(CorrectieStand oud, CorrectieStand nieuw)
    {
        ArgumentNullException.ThrowIfNull(oud);
        ArgumentNullException.ThrowIfNull(nieuw);
        if (oud.Uitkomst == nieuw.Uitkomst && oud.Gemeente == nieuw.Gemeente)
        {
            return CorrectieActie.Ongewijzigd;
        }

        return oud.Uitkomst == RegimeUitkomst.Wi2021 && nieuw.Uitkomst != RegimeUitkomst.Wi2021
            ? CorrectieActie.VerlaatWi2021
            : CorrectieActie.Herbepalen;
    }

    /// <summary>The Dutch words for an action, as the preview and the CSV show them.</summary>
    public static string Uitleg(CorrectieActie actie) => actie switch
    {
        CorrectieActie.VerlaatWi2021 => "Verlaat Wi2021: SS190 aan elke gemeente met Wi2021-signalen, overige Wi2021-signalen ingetrokken, geparkeerd",
        CorrectieActie.Herbepalen => "Opnieuw bepaald: signalen aan de oude en de nieuwe gemeente volgens de signaalregels",
        _ => "Ongewijzigd",
    };

    /// <summary>
    /// Re-derives a person who leaves Wi2021 and parks them: the decision and link are the new rule
    /// set's, the published state is the new one but parked, and nothing is emitted, so no municipality
    /// sees them under the new regime until DUO releases the group (the release announces them anew,
    /// <see cref="SignaalRegels.EmitSignals"/>). Pauses do not apply: a parked person waits for the release.
    /// </summary>
    public static HerbepalingUitkomst HerbepaalGeparkeerd(
        PersoonFeiten feiten, PersoonToestand? gepubliceerd, RegimeRegelset rules, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(feiten);
        // Never published (it waited under a pause): the parking still has to be carried by a state.
        var vorige = (gepubliceerd ?? new PersoonToestand(RegimeUitkomst.Onbepaald, null, null, feiten.Ind.Geboortedatum, null))
            with { Geparkeerd = true };
        return Herbepaling.Herbepaal(feiten, vorige, static _ => false, rules, vandaag);
    }
}
