using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Pip;

/// <summary>DUO M2M README "Inburgeringsaanbod".</summary>
public class InburgeringsaanbodRegelsTests
{
    private static readonly DateOnly Vandaag = D("2022-06-01");

    private static PipContext Context(string? pip = "2022-03-01", Doelgroep doelgroep = Doelgroep.Asielstatushouder,
        RegimeUitkomst uitkomst = RegimeUitkomst.Wi2021) =>
        new(uitkomst, doelgroep, D("2022-02-01"), null, Dn(pip), Dn(pip));

    private static IReadOnlyList<string> Velden(string datum, PipContext c) =>
        InburgeringsaanbodRegels.Valideer(D(datum), c, Vandaag).Select(f => f.Veld).ToList();

    [Theory]
    [InlineData("2022-03-01")]
    [InlineData("2022-06-01")]
    public void Geldig_aanbod(string datum) => Assert.Empty(Velden(datum, Context()));

    [Theory]
    [InlineData("2022-02-28", "vóór de dagtekening van het actuele PIP (2022-03-01)")]
    [InlineData("2022-06-02", "in de toekomst")]
    public void Datum_grenzen(string datum, string melding)
    {
        var f = Assert.Single(InburgeringsaanbodRegels.Valideer(D(datum), Context(), Vandaag));
        Assert.Equal(InburgeringsaanbodRegels.Veld, f.Veld);
        Assert.Contains(melding, f.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Alleen_voor_een_asielstatushouder_met_pip_onder_de_Wi2021()
    {
        Assert.Equal(["doelgroep"], Velden("2022-04-01", Context(doelgroep: Doelgroep.Gezinsmigrant)));
        Assert.Equal(["pip"], Velden("2022-04-01", Context(pip: null)));
        Assert.Equal(["regime"], Velden("2022-04-01", Context(uitkomst: RegimeUitkomst.Wi2013)));
    }
}
