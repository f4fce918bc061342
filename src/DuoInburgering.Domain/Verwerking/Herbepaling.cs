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
    IReadOnlyList<Signaal> Signalen);

/// <summary>
/// One person, from facts to signals: regime rule, linking rule, signal rules, in that order. The
/// web, the bulk import and the CLI all call this, so the rules live in one place. Pure: the same
/// facts, published state and date always give the same outcome, and replaying emits nothing.
/// </summary>
public static class Herbepaling
{
    public static HerbepalingUitkomst Herbepaal(
        PersoonFeiten feiten,
        PersoonToestand? gepubliceerd,
        Func<PauzeSleutel, bool> isGepauzeerd,
        RegimeRuleSet rules,
        DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(feiten);
        ArgumentNullException.ThrowIfNull(isGepauzeerd);
        ArgumentNullException.ThrowIfNull(rules);

        // A regime fixed by the overgangsregeling 2022 outranks the rules, before the pause is looked up:
        // the person waits in, and is announced to, the environment of the regime they will be under.
        var besluit = Overgangsregeling2022.PasToe(rules.DeriveRegime(feiten.Ind), feiten.Keuze);
        var koppeling = Koppelingsregel.BepaalGemeente(feiten.Coa, feiten.Brp);

        if (besluit.Uitkomst.AlsRegime() is { } regime && besluit.Doelgroep is { } doelgroep
            && isGepauzeerd(new PauzeSleutel(regime, doelgroep)))
        {
            return new(besluit, koppeling, Verwerkingsstatus.Uitgesteld, gepubliceerd, []);
        }

        var nieuw = NieuweToestand(feiten, besluit, koppeling, gepubliceerd, vandaag);
        var signalen = SignaalRegels.EmitSignals(gepubliceerd, nieuw, vandaag);
        var verwerkt = SignaalRegels.Verwerk(nieuw, signalen);
        return new(besluit, koppeling, Verwerkingsstatus.Bepaald, verwerkt, signalen);
    }

    private static PersoonToestand NieuweToestand(
        PersoonFeiten feiten, RegimeBesluit besluit, GemeenteKoppeling koppeling, PersoonToestand? vorige, DateOnly vandaag)
    {
        var basis = new PersoonToestand(besluit.Uitkomst, besluit.Doelgroep, besluit.Startdatum,
            feiten.Ind.Geboortedatum, koppeling.Gemeente)
        {
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
