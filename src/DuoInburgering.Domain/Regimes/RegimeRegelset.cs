using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;

namespace DuoInburgering.Domain.Regimes;

/// <summary>
/// A versioned regime rule. Rule sets differ only in how they pick the peildatum and in the linking
/// (<see cref="BepaalGemeente"/>); the rest of the decision (docs/domain.md "Regime rule") is shared here
/// so that a correction re-runs exactly those differences. Hot path: no LINQ, one result record and one reason string per call.
/// </summary>
public abstract class RegimeRegelset
{
    /// <summary>Start on or after this date → Wi2013 (unless Wi2021).</summary>
    public static readonly DateOnly GrensWi2013 = new(2013, 1, 1);

    /// <summary>Start on or after this date → Wi2021.</summary>
    public static readonly DateOnly GrensWi2021 = new(2022, 1, 1);

    /// <summary>Turkish asylum status holders with peildatum on/after this date are obligated under Wi2013.</summary>
    public static readonly DateOnly GrensTurkseAsielstatushouder = new(2020, 5, 1);

    // Dates in reasons are ISO; the invariant culture keeps them Gregorian on every machine.
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public abstract string Versie { get; }

    /// <summary>How this rule set chooses the peildatum.</summary>
    protected abstract Peildatum KiesPeildatum(IndFeiten feiten, Doelgroep doelgroep);

    /// <summary>
    /// Which municipality a person belongs to under this version. A rule set carries its linking too,
    /// because January 2022 went wrong in both (docs/domain.md "The job"), and a correction re-runs both:
    /// the correct <see cref="Koppelingsregel.BepaalGemeente"/> unless a version says otherwise.
    /// </summary>
    public virtual GemeenteKoppeling BepaalGemeente(CoaFeiten? coa, BrpFeiten? brp) => Koppelingsregel.BepaalGemeente(coa, brp);

    public RegimeBesluit DeriveRegime(IndFeiten feiten)
    {
        ArgumentNullException.ThrowIfNull(feiten);
        if (feiten.Verblijfsdoel.Doelgroep() is not Doelgroep doelgroep)
        {
            return new(RegimeUitkomst.Geen, null, null, null, Versie, "Verblijfsdoel tijdelijk: geen inburgeringsplicht");
        }

        string naam = doelgroep.Naam();
        if (Nationaliteit.IsEuEerZwitserlandOfNederland(feiten.Nationaliteit))
        {
            return new(RegimeUitkomst.Geen, doelgroep, null, null, Versie, string.Create(Inv,
                $"{naam}; nationaliteit {feiten.Nationaliteit} (EU/EER/Zwitserland/Nederland): geen inburgeringsplicht"));
        }

        Peildatum p = KiesPeildatum(feiten, doelgroep);
        if (p.Datum is not DateOnly peil)
        {
            return new(RegimeUitkomst.Onbepaald, doelgroep, null, null, Versie, string.Create(Inv,
                $"{naam}; {p.Feit} ontbreekt: onbepaald, wacht op de IND"));
        }

        DateOnly zestien = feiten.Geboortedatum.AddYears(16);
        DateOnly start = peil >= zestien ? peil : zestien;
        string basis = start == peil
            ? string.Create(Inv, $"{naam}; {p.Gebeurtenis} op {peil:yyyy-MM-dd}")
            : string.Create(Inv, $"{naam}; {p.Gebeurtenis} op {peil:yyyy-MM-dd}, 16 jaar op {zestien:yyyy-MM-dd}");

        if (AowLeeftijd.IsBereiktOp(feiten.Geboortedatum, start))
        {
            return new(RegimeUitkomst.Geen, doelgroep, peil, start, Versie, string.Create(Inv,
                $"{basis}; bij start AOW-leeftijd ({AowLeeftijd.VoorJaar(start.Year)}) bereikt: geen inburgeringsplicht"));
        }

        (Regime regime, string grens) = start >= GrensWi2021 ? (Regime.Wi2021, "vanaf 2022-01-01")
            : start >= GrensWi2013 ? (Regime.Wi2013, "vóór 2022-01-01")
            : (Regime.Wi2007, "vóór 2013-01-01");
        string regimeNaam = Naam(regime);

        // Turkish nationals are not obligated under Wi2007/Wi2013 (association agreement EEC–Turkey),
        // except asylum status holders with peildatum >= 2020-05-01 (docs/domain.md rule set 2022-03).
        if (regime != Regime.Wi2021 && Nationaliteit.IsTurks(feiten.Nationaliteit)
            && !(doelgroep == Doelgroep.Asielstatushouder && peil >= GrensTurkseAsielstatushouder))
        {
            return new(RegimeUitkomst.Geen, doelgroep, peil, start, Versie, string.Concat(
                basis, ", ", grens, ": ", regimeNaam, ", maar Turkse nationaliteit: geen inburgeringsplicht"));
        }

        return new(regime.AlsUitkomst(), doelgroep, peil, start, Versie, string.Concat(basis, ", ", grens, ": ", regimeNaam));
    }

    private static string Naam(Regime regime) => regime switch
    {
        Regime.Wi2007 => "Wi2007",
        Regime.Wi2013 => "Wi2013",
        _ => "Wi2021",
    };

}
