using DuoInburgering.Domain.Koppeling;
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
        RegimeRuleSet rules,
        DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(feiten);
        ArgumentNullException.ThrowIfNull(isGepauzeerd);
        ArgumentNullException.ThrowIfNull(rules);

        var besluit = rules.DeriveRegime(feiten.Ind);
        var koppeling = rules.BepaalGemeente(feiten.Coa, feiten.Brp);

        if (besluit.Uitkomst.AlsRegime() is { } regime && besluit.Doelgroep is { } doelgroep
            && isGepauzeerd(new PauzeSleutel(regime, doelgroep)))
        {
            return new(besluit, koppeling, Verwerkingsstatus.Uitgesteld, gepubliceerd, []);
        }

        var nieuw = NieuweToestand(feiten, besluit, koppeling, gepubliceerd);
        var signalen = SignaalRegels.EmitSignals(gepubliceerd, nieuw, vandaag);
        var verwerkt = SignaalRegels.Verwerk(nieuw, signalen);
        return new(besluit, koppeling, Verwerkingsstatus.Bepaald, verwerkt, signalen);
    }

    private static PersoonToestand NieuweToestand(
        PersoonFeiten feiten, RegimeBesluit besluit, GemeenteKoppeling koppeling, PersoonToestand? vorige)
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

        // A PIP, an aanbod and a parking belong to the person, not to one derivation.
        basis = basis with
        {
            HuidigePip = vorige.HuidigePip,
            DatumInburgeringsaanbod = vorige.DatumInburgeringsaanbod,
            Geparkeerd = vorige.Geparkeerd,
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
