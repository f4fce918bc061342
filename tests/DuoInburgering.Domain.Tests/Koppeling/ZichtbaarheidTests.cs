using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Pip;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Koppeling;

public class ZichtbaarheidTests
{
    private static readonly GemeenteCode A = GemeenteCode.Parse("GM0363");
    private static readonly GemeenteCode B = GemeenteCode.Parse("GM0599");
    private static readonly GemeenteCode C = GemeenteCode.Parse("GM0344");

    private static PipInfo Pip(GemeenteCode g, string dag) => new(g, D(dag), Leerroute.B1Route);

    [Fact]
    public void Huidige_gemeente_mag_zien() =>
        Assert.True(Zichtbaarheid.MagZien(A, A, null, null, D("2022-05-01")));

    [Fact]
    public void Andere_gemeente_zonder_pip_mag_niet_zien()
    {
        Assert.False(Zichtbaarheid.MagZien(B, A, null, null, D("2022-05-01")));
        Assert.False(Zichtbaarheid.MagZien(B, null, null, null, D("2022-05-01")));
    }

    [Fact]
    public void Gemeente_van_het_huidige_pip_mag_zien_ook_na_verhuizing() =>
        Assert.True(Zichtbaarheid.MagZien(B, A, Pip(B, "2022-01-10"), null, D("2023-05-01")));

    [Theory]
    [InlineData("2022-05-09", true)]
    [InlineData("2022-05-10", false)]
    public void Vorige_pip_gemeente_mag_zien_zolang_huidig_pip_jonger_dan_een_maand(string vandaag, bool mag)
    {
        PipInfo huidig = Pip(A, "2022-04-10");
        PipInfo vorig = Pip(B, "2021-06-01");
        Assert.Equal(mag, Zichtbaarheid.MagZien(B, A, huidig, vorig, D(vandaag)));
        Assert.False(Zichtbaarheid.MagZien(C, A, huidig, vorig, D(vandaag)));
    }
}
