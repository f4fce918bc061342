namespace DuoInburgering.Domain.Regimes;

/// <summary>
/// AOW (state pension) age by calendar year, docs/domain.md table: ≤2012 65; 2013 65+1m; 2014 65+2m;
/// 2015 65+3m; 2016 65+6m; 2017 65+9m; 2018 66; 2019–2021 66+4m; 2022 66+7m; 2023 66+10m; 2024–2027 67.
/// </summary>
/// <remarks>
/// Years after 2027 are not in docs/domain.md; we keep 67 until the table is extended (the law ties later
/// years to life expectancy, so this is the one place to change).
/// </remarks>
public static class AowLeeftijd
{
    public readonly record struct Leeftijd(int Jaren, int Maanden)
    {
        public override string ToString() =>
            Maanden == 0 ? $"{Jaren} jaar" : $"{Jaren} jaar en {Maanden} maanden";
    }

    public static Leeftijd VoorJaar(int jaar) => jaar switch
    {
        <= 2012 => new(65, 0),
        2013 => new(65, 1),
        2014 => new(65, 2),
        2015 => new(65, 3),
        2016 => new(65, 6),
        2017 => new(65, 9),
        2018 => new(66, 0),
        <= 2021 => new(66, 4),
        2022 => new(66, 7),
        2023 => new(66, 10),
        _ => new(67, 0),
    };

    /// <summary>The date someone born on <paramref name="geboortedatum"/> is the AOW age of year <paramref name="jaar"/>.</summary>
    public static DateOnly DatumBijLeeftijdVanJaar(DateOnly geboortedatum, int jaar)
    {
        Leeftijd l = VoorJaar(jaar);
        return geboortedatum.AddYears(l.Jaren).AddMonths(l.Maanden);
    }

    /// <summary>
    /// Regime rule: is the person at <paramref name="datum"/> at least the AOW age that applies in
    /// the year of that date? (docs/domain.md: "age at start >= AOW age", table by year of the start date.)
    /// </summary>
    public static bool IsBereiktOp(DateOnly geboortedatum, DateOnly datum) =>
        datum >= DatumBijLeeftijdVanJaar(geboortedatum, datum.Year);

    /// <summary>
    /// The day the person actually reaches AOW age: the first year Y in which the AOW age of Y is
    /// reached within Y. Used by SS128 ("bereikt AOW-leeftijd binnen 6 maanden").
    /// </summary>
    public static DateOnly AowDatum(DateOnly geboortedatum)
    {
        for (int jaar = geboortedatum.Year + 65; jaar <= geboortedatum.Year + 68; jaar++)
        {
            DateOnly d = DatumBijLeeftijdVanJaar(geboortedatum, jaar);
            if (d.Year <= jaar)
            {
                return d;
            }
        }

        return DatumBijLeeftijdVanJaar(geboortedatum, geboortedatum.Year + 68);
    }

    /// <summary>True when the AOW date falls on or before <paramref name="datum"/> + <paramref name="maanden"/> months.</summary>
    public static bool BereiktBinnen(DateOnly geboortedatum, DateOnly datum, int maanden) =>
        AowDatum(geboortedatum) <= datum.AddMonths(maanden);
}
