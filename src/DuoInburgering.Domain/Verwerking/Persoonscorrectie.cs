using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;

namespace DuoInburgering.Domain.Verwerking;

/// <summary>
/// The facts DUO may correct by hand for one person (issue 5 part 5): the two dates that decide the
/// peildatum, the verblijfsdoel, and the municipality through COA's link or the BRP registration.
/// </summary>
public sealed record CorrigeerbareFeiten(
    Verblijfsdoel Verblijfsdoel,
    DateOnly? DatumBekendmakingBeschikking,
    DateOnly? DatumUitreikingDocument,
    GemeenteCode? CoaGekoppeldeGemeente,
    GemeenteCode? BrpGemeente)
{
    public static CorrigeerbareFeiten Van(PersoonFeiten feiten)
    {
        ArgumentNullException.ThrowIfNull(feiten);
        return new(feiten.Ind.Verblijfsdoel, feiten.Ind.DatumBekendmakingBeschikking, feiten.Ind.DatumUitreikingDocument,
            feiten.Coa?.GekoppeldeGemeente, feiten.Brp?.Inschrijvingsgemeente);
    }
}

/// <summary>A Dutch message for one field of a correction proposal ("reden", "coa", …, or "" for the whole).</summary>
public sealed record CorrectieFout(string Veld, string Melding);

/// <summary>
/// What approving a proposal would do, computed by the same pure rules that processing uses: old and new
/// decision and municipality with their explanations, whether the municipality change is a correction,
/// whether the person leaves Wi2021 (SS190 and withdrawal), and the signals the re-derivation emits.
/// </summary>
/// <param name="Uitgesteld">The new regime and doelgroep are paused: nothing can be applied now.</param>
public sealed record CorrectieEffect(
    RegimeBesluit OudBesluit,
    GemeenteKoppeling OudeKoppeling,
    RegimeBesluit NieuwBesluit,
    GemeenteKoppeling NieuweKoppeling,
    Gemeentewissel? Wissel,
    bool VerlaatWi2021,
    bool Uitgesteld,
    IReadOnlyList<Signaal> Signalen)
{
    public bool WijzigtRegime => OudBesluit.Uitkomst != NieuwBesluit.Uitkomst;

    public bool WijzigtGemeente => OudeKoppeling.Gemeente != NieuweKoppeling.Gemeente;
}

/// <summary>
/// A single-person correction (docs/domain.md "Correcting one person needs a reason, and a second DUO user
/// approves it"): validating a proposal, applying it to the facts and computing its effect. Pure; the
/// web layer stores proposals, enforces the four eyes and applies an approved one in one transaction.
/// </summary>
public static class Persoonscorrectie
{
    public const int MaxRedenLengte = 2000;

    /// <summary>Dutch messages per field; empty when the proposal may be made.</summary>
    public static IReadOnlyList<CorrectieFout> Valideer(PersoonFeiten huidig, CorrigeerbareFeiten voorstel, string? reden, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(huidig);
        ArgumentNullException.ThrowIfNull(voorstel);
        var fouten = new List<CorrectieFout>();
        if (string.IsNullOrWhiteSpace(reden))
        {
            fouten.Add(new("reden", "Geef een reden voor de correctie; zonder reden wordt niets voorgesteld."));
        }
        else if (reden.Trim().Length > MaxRedenLengte)
        {
            fouten.Add(new("reden", $"De reden is te lang: ten hoogste {MaxRedenLengte} tekens."));
        }

        if (voorstel.DatumBekendmakingBeschikking > vandaag)
        {
            fouten.Add(new("bekendmaking", "De datum van bekendmaking van de beschikking ligt in de toekomst."));
        }

        if (voorstel.DatumUitreikingDocument > vandaag)
        {
            fouten.Add(new("uitreiking", "De datum van uitreiking van het verblijfsdocument ligt in de toekomst."));
        }

        var nu = CorrigeerbareFeiten.Van(huidig);
        if (huidig.Coa is null && voorstel.CoaGekoppeldeGemeente != nu.CoaGekoppeldeGemeente)
        {
            fouten.Add(new("coa", "Het COA heeft over deze persoon niets gemeld; een COA-koppeling valt niet te corrigeren."));
        }

        if (huidig.Brp is null && voorstel.BrpGemeente != nu.BrpGemeente)
        {
            fouten.Add(new("brp", "De BRP heeft over deze persoon niets gemeld; een inschrijvingsgemeente valt niet te corrigeren."));
        }

        if (voorstel == nu)
        {
            fouten.Add(new("", "Het voorstel wijzigt niets: pas ten minste één feit aan."));
        }

        return fouten;
    }

    /// <summary>The facts with the proposal applied; everything the proposal does not cover stays as it is.</summary>
    public static PersoonFeiten PasToe(PersoonFeiten huidig, CorrigeerbareFeiten voorstel)
    {
        ArgumentNullException.ThrowIfNull(huidig);
        ArgumentNullException.ThrowIfNull(voorstel);
        return huidig with
        {
            Ind = huidig.Ind with
            {
                Verblijfsdoel = voorstel.Verblijfsdoel,
                DatumBekendmakingBeschikking = voorstel.DatumBekendmakingBeschikking,
                DatumUitreikingDocument = voorstel.DatumUitreikingDocument,
            },
            Coa = huidig.Coa is null ? null : huidig.Coa with { GekoppeldeGemeente = voorstel.CoaGekoppeldeGemeente },
            Brp = huidig.Brp is null ? null : huidig.Brp with { Inschrijvingsgemeente = voorstel.BrpGemeente },
        };
    }

    /// <summary>
    /// Leaving Wi2021 for another law (the 2022 correction): the Wi2021 municipalities get SS190 and the
    /// person's other Wi2021 signals are withdrawn before the person is announced under the new law. An
    /// obligation that ends (no regime) is not a correction to Wi2013: it gets the usual SS110.
    /// </summary>
    public static bool VerlaatWi2021(PersoonToestand? gepubliceerd, RegimeBesluit nieuw)
    {
        ArgumentNullException.ThrowIfNull(nieuw);
        return gepubliceerd?.ActiefRegime == Regime.Wi2021 && nieuw.Uitkomst.AlsRegime() is Regime r && r != Regime.Wi2021;
    }

    public static CorrectieEffect Effect(
        PersoonFeiten huidig,
        PersoonToestand? gepubliceerd,
        CorrigeerbareFeiten voorstel,
        Func<PauzeSleutel, bool> isGepauzeerd,
        RegimeRegelset rules,
        DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(huidig);
        ArgumentNullException.ThrowIfNull(rules);
        var oud = rules.DeriveRegime(huidig.Ind);
        var oudeKoppeling = Koppelingsregel.BepaalGemeente(huidig.Coa, huidig.Brp);
        var uitkomst = Herbepaling.Herbepaal(PasToe(huidig, voorstel), gepubliceerd, isGepauzeerd, rules, vandaag, duoCorrectie: true);
        var wissel = Gemeentecorrectie.Beoordeel(gepubliceerd?.Gemeente ?? oudeKoppeling.Gemeente, gepubliceerd?.GemeenteGrond,
            uitkomst.Koppeling, duoCorrectie: true);
        return new CorrectieEffect(oud, oudeKoppeling, uitkomst.Besluit, uitkomst.Koppeling, wissel,
            VerlaatWi2021(gepubliceerd, uitkomst.Besluit), uitkomst.Status == Verwerkingsstatus.Uitgesteld, uitkomst.Signalen);
    }
}
