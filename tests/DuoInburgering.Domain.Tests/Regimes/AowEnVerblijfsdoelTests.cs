using DuoInburgering.Domain.Regimes;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Regimes;

public class AowEnVerblijfsdoelTests
{
    [Theory]
    [InlineData("1947-12-31", "2012-12-31")] // reaches 65 in 2012
    [InlineData("1948-06-15", "2013-07-15")] // 2013: 65+1m
    [InlineData("1957-01-01", "2023-11-01")] // 2023: 66+10m
    [InlineData("1960-06-15", "2027-06-15")] // 2027: 67
    [InlineData("1952-06-01", "2018-06-01")] // 2018: 66
    public void AowDatum_volgens_tabel(string geboren, string aow) =>
        Assert.Equal(D(aow), AowLeeftijd.AowDatum(D(geboren)));

    [Fact]
    public void Bereikt_binnen_zes_maanden()
    {
        DateOnly geboren = D("1960-06-15");
        Assert.True(AowLeeftijd.BereiktBinnen(geboren, D("2026-12-15"), 6));
        Assert.False(AowLeeftijd.BereiktBinnen(geboren, D("2026-12-14"), 6));
    }

    [Theory]
    [InlineData("asiel", Verblijfsdoel.Asiel)]
    [InlineData("gezinshereniging", Verblijfsdoel.Gezinshereniging)]
    [InlineData("gezinsvorming", Verblijfsdoel.Gezinsvorming)]
    [InlineData("geestelijk_bedienaar", Verblijfsdoel.GeestelijkBedienaar)]
    [InlineData("overig_niet_tijdelijk", Verblijfsdoel.OverigNietTijdelijk)]
    [InlineData(" Tijdelijk ", Verblijfsdoel.Tijdelijk)]
    public void Verblijfsdoel_leest_snake_case(string tekst, Verblijfsdoel doel)
    {
        Assert.True(VerblijfsdoelTekst.TryParse(tekst, out Verblijfsdoel gelezen));
        Assert.Equal(doel, gelezen);
        Assert.Equal(tekst.Trim().ToLowerInvariant(), doel.AlsTekst());
    }

    [Theory]
    [InlineData("studie")]
    [InlineData("GeestelijkBedienaar")]
    [InlineData("")]
    public void Onbekend_verblijfsdoel_faalt(string tekst)
    {
        Assert.False(VerblijfsdoelTekst.TryParse(tekst, out _));
        Assert.Throws<FormatException>(() => VerblijfsdoelTekst.Parse(tekst));
    }
}
