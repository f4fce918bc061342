using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Signalen;

/// <summary>
/// Clock-driven signals SS126, SS127, SS128 (docs/domain.md "Signal catalogue", "Deadlines"). Run daily per
/// running obligation; each fires once, guarded by the flags set with <see cref="SignaalRegels.Verwerk"/>.
/// Conditions use "on or after" so a missed day still fires on the next run.
/// </summary>
public static class DeadlineRegels
{
    /// <summary>The day SS126 becomes due when no PIP exists by then: the end of the 10-week term that SS139 started.</summary>
    public static DateOnly EindeLeerrouteTermijn(DateOnly termijnStart, DeadlineInstellingen inst)
    {
        ArgumentNullException.ThrowIfNull(inst);
        return termijnStart.AddDays(inst.LeerrouteTermijnDagen);
    }

    public static IReadOnlyList<Signaal> EmitDue(PersoonToestand t, DateOnly vandaag, DeadlineInstellingen inst)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(inst);
        if (t.Geparkeerd || t.ActiefRegime is not Regime regime || t.Gemeente is not GemeenteCode g)
        {
            return [];
        }

        var uit = new List<Signaal>(1);

        // SS126: 10 weeks after the SS139 term start and still no PIP (no leerroute).
        if (!t.Ss126Verzonden && t.HuidigePip is null && t.TermijnLeerrouteStart is DateOnly termijn
            && vandaag >= EindeLeerrouteTermijn(termijn, inst))
        {
            uit.Add(new(SignaalCode.SS126, g, regime, vandaag, SignaalCatalogus.Naam(SignaalCode.SS126)));
        }

        // SS127: Wi2021 asylum status holder with a PIP, no inburgeringsaanbod after the grace period.
        if (!t.Ss127Verzonden && regime == Regime.Wi2021 && t.Doelgroep == Doelgroep.Asielstatushouder
            && t.HuidigePip is { } pip && !t.HeeftInburgeringsaanbod
            && vandaag >= pip.Dagtekening.AddDays(inst.AanbodWachttijdDagen))
        {
            uit.Add(new(SignaalCode.SS127, g, regime, vandaag, SignaalCatalogus.Naam(SignaalCode.SS127)));
        }

        // SS128: AOW date within the announcement window and not yet reached (once reached, the
        // obligation ends with SS110, which is the caller's fact, not a deadline).
        if (!t.Ss128Verzonden)
        {
            DateOnly aow = AowLeeftijd.AowDatum(t.Geboortedatum);
            if (vandaag < aow && vandaag >= aow.AddMonths(-inst.AowVooraankondigingMaanden))
            {
                uit.Add(new(SignaalCode.SS128, g, regime, vandaag, SignaalCatalogus.Naam(SignaalCode.SS128)));
            }
        }

        return uit;
    }
}
