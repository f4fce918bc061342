using DuoInburgering.Domain.Regimes;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Regimes;

/// <summary>The January 2022 incident (docs/domain.md "The job", failure 1), reproduced and corrected.</summary>
public class IncidentTests
{
    private static readonly IndFeiten Incidentgeval = Asiel("2021-12-28", kennisgeving: "2022-01-10");

    [Fact]
    public void Regel_2022_03_plaatst_onder_Wi2013()
    {
        RegimeBesluit b = RegimeRegelsets.Get("2022-03").DeriveRegime(Incidentgeval);
        Assert.Equal(RegimeUitkomst.Wi2013, b.Uitkomst);
        Assert.Equal(D("2021-12-28"), b.Peildatum);
        Assert.Equal("Asielstatushouder; beschikking bekendgemaakt op 2021-12-28, vóór 2022-01-01: Wi2013", b.Reden);
    }

    [Fact]
    public void Foutieve_regel_2021_12_plaatst_onder_Wi2021()
    {
        RegimeBesluit b = RegimeRegelsets.Get("2021-12").DeriveRegime(Incidentgeval);
        Assert.Equal(RegimeUitkomst.Wi2021, b.Uitkomst);
        Assert.Equal(D("2022-01-10"), b.Peildatum);
        Assert.Equal("2021-12", b.RegelsetVersie);
        Assert.Contains("kennisgeving", b.Reden, StringComparison.Ordinal);
    }

    [Fact]
    public void Regel_2021_12_zonder_kennisgeving_is_gelijk_aan_2022_03()
    {
        IndFeiten f = Gezin("2021-11-01");
        Assert.Equal(Regelset2022_03.Instance.DeriveRegime(f).Uitkomst, Regelset2021_12.Instance.DeriveRegime(f).Uitkomst);
        Assert.Equal(D("2021-11-01"), Regelset2021_12.Instance.DeriveRegime(f).Peildatum);
    }

    [Fact]
    public void Register_kent_beide_versies_en_huidig_is_2022_03()
    {
        Assert.Equal("2022-03", RegimeRegelsets.Huidig.Versie);
        Assert.Equal(["2021-12", "2022-03"], RegimeRegelsets.Alle.Select(r => r.Versie));
        Assert.Throws<KeyNotFoundException>(() => RegimeRegelsets.Get("2020-01"));
        Assert.False(RegimeRegelsets.TryGet(null, out _));
    }
}
