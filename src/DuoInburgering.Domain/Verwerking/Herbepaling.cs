using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Overgang;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;

namespace DuoInburgering.Domain.Verwerking;

/// <summary>The outcome of re-deriving one person: the decision, the link, what is published and emitted.</summary>
public sealed record HerbepalingUitkomst(
    RegimeBesluit Besluit,
    GemeenteKoppeling Koppeling,
    Verwerkingsstatus Status,
    PersoonToestand? Gepubliceerd,
    IReadOnlyList<Signaal> Signalen)
{
    /// <summary>
    /// Set when the municipality changed by correction, not by a move (<see cref="Gemeentecorrectie"/>): the
    /// caller withdraws the old municipality's signals about the person and records the episode.
    /// </summary>
    public Misplaatsing? Misplaatsing { get; init; }
}

/// <summary>
/// A person shown to a municipality that should never have had them, found while re-deriving: what the
/// caller records for the breach report (table misplaatsing).
/// </summary>
/// <param name="Regime">The PIB environment the old municipality saw the person in.</param>
public sealed record Misplaatsing(
    GemeenteCode OudeGemeente, GemeenteCode? NieuweGemeente, MisplaatsingOorzaak Oorzaak, Regime Regime, string Uitleg);

/// <summary>
/// One person, from facts to signals: regime rule, linking rule (both of the rule set), signal rules, in that order. The
/// web, the bulk import and the CLI all call this, so the rules live in one place. Pure: the same
/// facts, published state and date always give the same outcome, and replaying emits nothing.
/// </summary>
public static class Herbepaling
{
    public static HerbepalingUitkomst Herbepaal(
        PersoonFeiten feiten,
        PersoonToestand? gepubliceerd,
        Func<PauzeSleutel, bool> isGepauzeerd,
        RegimeRegelset rules,
        DateOnly vandaag,
        bool duoCorrectie = false)
    {
        ArgumentNullException.ThrowIfNull(feiten);
        ArgumentNullException.ThrowIfNull(isGepauzeerd);
        ArgumentNullException.ThrowIfNull(rules);

        // A regime fixed by the overgangsregeling 2022 outranks the rules, before the pause is looked up:
        // the person waits in, and is announced to, the environment of the regime they will be under.
        var besluit = Overgangsregeling2022.PasToe(rules.DeriveRegime(feiten.Ind), feiten.Keuze);
        var koppeling = rules.BepaalGemeente(feiten.Coa, feiten.Brp);

        if (besluit.Uitkomst.AlsRegime() is { } regime && besluit.Doelgroep is { } doelgroep
            && isGepauzeerd(new PauzeSleutel(regime, doelgroep)))
        {
            // A pause holds back new decisions, not the correction of a wrong disclosure (by DUO or by a corrected
            // COA/BRP fact): a municipality that never should have had the person loses them now (docs/domain.md
            // incident 2). The person waits belonging to nobody, and the resume announces them to the right
            // municipality as a first announcement.
            return Misplaatst(gepubliceerd, koppeling, duoCorrectie) is { } fout
                ? new(besluit, koppeling, Verwerkingsstatus.Uitgesteld, Onttrokken(gepubliceerd!, fout.OudeGemeente), []) { Misplaatsing = fout }
                : new(besluit, koppeling, Verwerkingsstatus.Uitgesteld, gepubliceerd, []);
        }

        var nieuw = NieuweToestand(feiten, besluit, koppeling, gepubliceerd, vandaag);
        var misplaatsing = Misplaatst(gepubliceerd, koppeling, duoCorrectie);
        var vorige = gepubliceerd;
        if (misplaatsing is not null)
        {
            // The old municipality never had the person: its PIP lapses, and the signals are derived as if
            // the person had never been announced anywhere, so it gets no SS122 and the new one the first
            // announcement (Gemeentecorrectie, "Policy").
            nieuw = nieuw with { HuidigePip = nieuw.HuidigePip?.Gemeente == misplaatsing.OudeGemeente ? null : nieuw.HuidigePip };
            vorige = gepubliceerd! with { Gemeente = null, GemeenteGrond = null, AanvangGemeld = false, HuidigePip = nieuw.HuidigePip };
        }

        var signalen = SignaalRegels.EmitSignals(vorige, nieuw, vandaag);
        var verwerkt = SignaalRegels.Verwerk(nieuw, signalen);
        return new(besluit, koppeling, Verwerkingsstatus.Bepaald, verwerkt, signalen) { Misplaatsing = misplaatsing };
    }

    /// <summary>The published state without the municipality that never should have had the person, nor its PIP.</summary>
    private static PersoonToestand Onttrokken(PersoonToestand gepubliceerd, GemeenteCode oudeGemeente) =>
        gepubliceerd with
        {
            Gemeente = null,
            GemeenteGrond = null,
            AanvangGemeld = false,
            HuidigePip = gepubliceerd.HuidigePip?.Gemeente == oudeGemeente ? null : gepubliceerd.HuidigePip,
        };

    /// <summary>
    /// A correction of the municipality matters only when the old one could see the person: published
    /// under a regime (GemeenteToegang shows nothing else).
    /// </summary>
    private static Misplaatsing? Misplaatst(PersoonToestand? gepubliceerd, GemeenteKoppeling koppeling, bool duoCorrectie) =>
        gepubliceerd?.Uitkomst.AlsRegime() is Regime regime
        && Gemeentecorrectie.Beoordeel(gepubliceerd.Gemeente, gepubliceerd.GemeenteGrond, koppeling, duoCorrectie) is
            { Oud: GemeenteCode oud, Oorzaak: MisplaatsingOorzaak oorzaak } wissel
            ? new Misplaatsing(oud, wissel.Nieuw, oorzaak, regime, wissel.Uitleg)
            : null;

    private static PersoonToestand NieuweToestand(
        PersoonFeiten feiten, RegimeBesluit besluit, GemeenteKoppeling koppeling, PersoonToestand? vorige, DateOnly vandaag)
    {
        var basis = new PersoonToestand(besluit.Uitkomst, besluit.Doelgroep, besluit.Startdatum,
            feiten.Ind.Geboortedatum, koppeling.Gemeente)
        {
            GemeenteGrond = koppeling.Grond,
            VerblijftInCoa = (feiten.Coa?.WoontOpCoaLocatie ?? false) || (feiten.Brp?.AdresIsCoaLocatie ?? false),
            VertrokkenUitNederland = feiten.Brp?.IsVertrokkenUitNederland ?? false,
            EindReden = EindReden(feiten, vorige),
        };
        if (vorige is null)
        {
            return basis;
        }

        // A PIP, an aanbod and a parking belong to the person, not to one derivation. A parking ends only
        // when DUO released the group; the previous state stays parked, so the signal rules announce anew.
        bool vrijgegeven = vorige.Geparkeerd && feiten.Vrijgave;
        basis = basis with
        {
            HuidigePip = vorige.HuidigePip,
            DatumInburgeringsaanbod = vorige.DatumInburgeringsaanbod,
            Geparkeerd = vorige.Geparkeerd && !vrijgegeven,
            VrijgegevenOp = vrijgegeven ? vandaag : vorige.VrijgegevenOp,
        };

        // Bookkeeping of announcements and deadlines holds per regime: a new regime starts afresh.
        return vorige.Uitkomst != besluit.Uitkomst
            ? basis
            : basis with
            {
                AanvangGemeld = vorige.AanvangGemeld,
                TermijnLeerrouteStart = vorige.TermijnLeerrouteStart,
                Ss126Verzonden = vorige.Ss126Verzonden,
                Ss127Verzonden = vorige.Ss127Verzonden,
                Ss128Verzonden = vorige.Ss128Verzonden,
            };
    }

    /// <summary>Death outranks withdrawal; an end reason set by DUO (diploma, exemption) stays.</summary>
    private static EindReden? EindReden(PersoonFeiten feiten, PersoonToestand? vorige) =>
        feiten.Brp?.DatumOverlijden is not null ? Signalen.EindReden.Overleden
        : feiten.DatumIntrekking is not null ? Signalen.EindReden.Ingetrokken
        : vorige?.EindReden is Signalen.EindReden.Diploma or Signalen.EindReden.Vrijstelling or Signalen.EindReden.Ontheffing
            ? vorige.EindReden
            : null;
}
