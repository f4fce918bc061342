using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// Deterministic, realistic-looking IND facts: mostly third-country nationals, a mix of target
/// groups, peildatums 2008–2024, some missing dates, a few EU/TUR/tijdelijk/elderly cases so every
/// branch of the rule runs. Not random in the security sense: a fixed seed keeps runs comparable.
/// </summary>
public static class IndFeitenGenerator
{
    private static readonly string[] Landen = ["SYR", "ERI", "AFG", "TUR", "MAR", "IRQ", "UKR", "IND", "CHN", "DEU", "POL", "USA"];

    private static readonly Verblijfsdoel[] Doelen =
    [
        Verblijfsdoel.Asiel, Verblijfsdoel.Asiel, Verblijfsdoel.Asiel, Verblijfsdoel.Gezinshereniging,
        Verblijfsdoel.Gezinsvorming, Verblijfsdoel.OverigNietTijdelijk, Verblijfsdoel.GeestelijkBedienaar, Verblijfsdoel.Tijdelijk,
    ];

    public static IndFeiten[] Maak(int aantal, int seed = 42)
    {
        var rnd = new Random(seed);
        var uit = new IndFeiten[aantal];
        var bsn = Bsn.Parse("111222333");
        var basis = new DateOnly(2008, 1, 1);
        for (int i = 0; i < aantal; i++)
        {
            DateOnly peil = basis.AddDays(rnd.Next(0, 365 * 17));
            DateOnly geboren = peil.AddDays(-rnd.Next(365 * 10, 365 * 70));
            Verblijfsdoel doel = Doelen[rnd.Next(Doelen.Length)];
            bool ontbreekt = rnd.Next(20) == 0;
            DateOnly? bekendmaking = doel == Verblijfsdoel.Asiel && !ontbreekt ? peil : null;
            DateOnly? uitreiking = doel != Verblijfsdoel.Asiel && !ontbreekt ? peil : null;
            DateOnly? kennisgeving = rnd.Next(2) == 0 ? peil.AddDays(rnd.Next(5, 40)) : null;
            uit[i] = new IndFeiten(
                bsn, geboren, Landen[rnd.Next(Landen.Length)], doel,
                peil.AddDays(-rnd.Next(0, 30)), peil.AddDays(-rnd.Next(0, 10)), bekendmaking, uitreiking, kennisgeving);
        }

        return uit;
    }
}
