namespace DuoInburgering.Domain.Regimes;

/// <summary>The three integration laws; each has its own PIB environment (docs/domain.md "The job").</summary>
public enum Regime
{
    Wi2007,
    Wi2013,
    Wi2021,
}

/// <summary>Outcome of a regime decision: a regime, not obligated, or not yet decidable.</summary>
public enum RegimeUitkomst
{
    Wi2007,
    Wi2013,
    Wi2021,

    /// <summary>Not obligated (tijdelijk, EU/EEA/CH/NLD, AOW age, TUR under Wi2007/Wi2013).</summary>
    Geen,

    /// <summary>Peildatum missing: wait for the IND, never guess (docs/domain.md rule set 2022-03).</summary>
    Onbepaald,
}

public static class RegimeUitkomstExtensions
{
    /// <summary>The regime when the outcome is an obligation, else null.</summary>
    public static Regime? AlsRegime(this RegimeUitkomst uitkomst) => uitkomst switch
    {
        RegimeUitkomst.Wi2007 => Regime.Wi2007,
        RegimeUitkomst.Wi2013 => Regime.Wi2013,
        RegimeUitkomst.Wi2021 => Regime.Wi2021,
        _ => null,
    };

    public static RegimeUitkomst AlsUitkomst(this Regime regime) => regime switch
    {
        Regime.Wi2007 => RegimeUitkomst.Wi2007,
        Regime.Wi2013 => RegimeUitkomst.Wi2013,
        _ => RegimeUitkomst.Wi2021,
    };

    /// <summary>Text used in the CSV evaluator: Wi2007|Wi2013|Wi2021|geen|onbepaald.</summary>
    public static string AlsTekst(this RegimeUitkomst uitkomst) => uitkomst switch
    {
        RegimeUitkomst.Wi2007 => "Wi2007",
        RegimeUitkomst.Wi2013 => "Wi2013",
        RegimeUitkomst.Wi2021 => "Wi2021",
        RegimeUitkomst.Geen => "geen",
        _ => "onbepaald",
    };
}
