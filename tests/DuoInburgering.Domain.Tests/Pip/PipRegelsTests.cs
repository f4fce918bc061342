using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Pip;

/// <summary>DUO M2M README "Het aanleveren van een PIP".</summary>
public class PipRegelsTests
{
    private static readonly DateOnly Vandaag = D("2022-06-01");

    private static PipContext Context(string? initieel = null, string? actueel = null, Doelgroep doelgroep = Doelgroep.Asielstatushouder, RegimeUitkomst uitkomst = RegimeUitkomst.Wi2021) =>
        new(uitkomst, doelgroep, D("2022-02-01"), D("2022-03-01"), Dn(initieel), Dn(actueel));

    private static IReadOnlyList<string> Velden(PipAanvraag a, PipContext c) =>
        PipRegels.Valideer(a, c, Vandaag).Select(f => f.Veld).ToList();

    [Fact]
    public void Geldig_pip_geeft_geen_fouten() =>
        Assert.Empty(PipRegels.Valideer(new PipAanvraag(D("2022-03-01"), Leerroute.B1Route, PipNiveau.B1, 600), Context(), Vandaag));

    [Theory]
    [InlineData("2022-06-02", "in de toekomst")]
    [InlineData("2022-01-31", "start van de inburgeringsplicht")]
    [InlineData("2022-02-28", "vestiging in de gemeente")]
    public void Dagtekening_grenzen(string dag, string melding)
    {
        IReadOnlyList<PipFout> f = PipRegels.Valideer(new PipAanvraag(D(dag), Leerroute.ZRoute), Context(), Vandaag);
        Assert.Contains(f, x => x.Veld == "dagtekening" && x.Melding.Contains(melding, StringComparison.Ordinal));
    }

    [Fact]
    public void Gewijzigd_pip_niet_voor_initieel_of_actueel_pip()
    {
        IReadOnlyList<PipFout> f = PipRegels.Valideer(new PipAanvraag(D("2022-04-01"), Leerroute.ZRoute), Context("2022-03-15", "2022-05-01"), Vandaag);
        Assert.Single(f);
        Assert.Contains("actuele PIP", f[0].Melding, StringComparison.Ordinal);
        Assert.Empty(PipRegels.Valideer(new PipAanvraag(D("2022-05-01"), Leerroute.ZRoute), Context("2022-03-15", "2022-05-01"), Vandaag));
    }

    [Theory]
    [InlineData(Leerroute.Onderwijsroute, PipNiveau.A2, null, false)]
    [InlineData(Leerroute.Onderwijsroute, PipNiveau.B1, null, true)]
    [InlineData(Leerroute.ZRoute, PipNiveau.B1, null, false)]
    [InlineData(Leerroute.ZRoute, PipNiveau.A1, null, true)]
    [InlineData(Leerroute.B1Route, PipNiveau.A2, null, false)]
    [InlineData(Leerroute.B1Route, PipNiveau.A2, "2022-03-01", true)]
    [InlineData(Leerroute.B1Route, PipNiveau.B2, "2022-03-01", false)]
    public void Niveau_per_leerroute(Leerroute route, PipNiveau niveau, string? initieel, bool geldig)
    {
        IReadOnlyList<string> velden = Velden(new PipAanvraag(D("2022-05-01"), route, niveau), Context(initieel));
        Assert.Equal(geldig, !velden.Contains("niveau"));
    }

    [Theory]
    [InlineData(Leerroute.B1Route, Doelgroep.Asielstatushouder, 1, true)]
    [InlineData(Leerroute.B1Route, Doelgroep.Asielstatushouder, 0, false)]
    [InlineData(Leerroute.B1Route, Doelgroep.Asielstatushouder, 10000, false)]
    [InlineData(Leerroute.B1Route, Doelgroep.Gezinsmigrant, 500, false)]
    [InlineData(Leerroute.Onderwijsroute, Doelgroep.Asielstatushouder, 500, false)]
    public void Geschatte_intensiteit_alleen_bij_B1_route_asiel(Leerroute route, Doelgroep doelgroep, int uren, bool geldig)
    {
        IReadOnlyList<string> velden = Velden(new PipAanvraag(D("2022-05-01"), route, null, uren), Context(doelgroep: doelgroep));
        Assert.Equal(geldig, !velden.Contains("geschatteIntensiteitB1Route"));
    }

    [Fact]
    public void Pip_alleen_onder_Wi2021() =>
        Assert.Contains("regime", Velden(new PipAanvraag(D("2022-05-01"), Leerroute.ZRoute), Context(uitkomst: RegimeUitkomst.Wi2013)));

    [Theory]
    [InlineData(Leerroute.B1Route, PipNiveau.B1)]
    [InlineData(Leerroute.Onderwijsroute, PipNiveau.B1)]
    [InlineData(Leerroute.ZRoute, null)]
    public void Zonder_niveau_wordt_B1_vastgesteld_behalve_bij_Z_route(Leerroute route, PipNiveau? verwacht) =>
        Assert.Equal(verwacht, PipRegels.BepaalNiveau(new PipAanvraag(D("2022-05-01"), route)));

    [Theory]
    [InlineData("B", Leerroute.B1Route)]
    [InlineData("o", Leerroute.Onderwijsroute)]
    [InlineData("Z-route", Leerroute.ZRoute)]
    public void Leerroute_codes(string s, Leerroute route)
    {
        Assert.True(PipCodes.TryParseLeerroute(s, out Leerroute r));
        Assert.Equal(route, r);
        Assert.False(PipCodes.TryParseLeerroute("X", out _));
        Assert.True(PipCodes.TryParseNiveau("a2", out PipNiveau n) && n == PipNiveau.A2);
        Assert.False(PipCodes.TryParseNiveau("C1", out _));
    }

    [Fact]
    public void Inburgeringstermijn_loopt_drie_jaar_vanaf_dag_na_dagtekening()
    {
        var pip = new PipInfo(Domain.Identiteit.GemeenteCode.Parse("GM0363"), D("2022-03-01"), Leerroute.B1Route);
        Assert.Equal(D("2022-03-02"), pip.StartInburgeringstermijn);
        Assert.Equal(D("2025-03-01"), pip.EindeInburgeringstermijn);
    }
}
