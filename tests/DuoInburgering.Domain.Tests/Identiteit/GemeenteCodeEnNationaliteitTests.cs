using DuoInburgering.Domain.Identiteit;

namespace DuoInburgering.Domain.Tests.Identiteit;

public class GemeenteCodeEnNationaliteitTests
{
    [Theory]
    [InlineData("GM0363", true)]
    [InlineData("GM1680", true)]
    [InlineData("gm0363", false)]
    [InlineData("GM363", false)]
    [InlineData("0363", false)]
    [InlineData("GM03634", false)]
    [InlineData("GM03a3", false)]
    [InlineData("", false)]
    public void Gemeentecode_is_GM_plus_vier_cijfers(string s, bool geldig)
    {
        Assert.Equal(geldig, GemeenteCode.TryParse(s, out _));
        Assert.Equal(geldig, GemeenteCode.Controleer(s) is null);
    }

    [Fact]
    public void Gemeentecode_Parse_en_cijfervorm()
    {
        GemeenteCode a = GemeenteCode.Parse("GM0363");
        Assert.Equal("0363", a.Cijfers);
        Assert.Equal(a, GemeenteCode.VanCijfers("0363"));
        Assert.Throws<FormatException>(() => GemeenteCode.Parse("Amsterdam"));
    }

    [Fact]
    public void Eu_eer_zwitserland_nederland_bevat_precies_31_landen()
    {
        Assert.Equal(31, Nationaliteit.EuEerZwitserlandNederland.Count);
        foreach (string c in new[] { "NLD", "DEU", "HRV", "ISL", "LIE", "NOR", "CHE", "deu" })
        {
            Assert.True(Nationaliteit.IsEuEerZwitserlandOfNederland(c), c);
        }

        foreach (string c in new[] { "GBR", "TUR", "SYR", "USA", "" })
        {
            Assert.False(Nationaliteit.IsEuEerZwitserlandOfNederland(c), c);
        }
    }

    [Theory]
    [InlineData("SYR", true)]
    [InlineData("syr", true)]
    [InlineData("SY", false)]
    [InlineData("SY1", false)]
    [InlineData(null, false)]
    public void Nationaliteitcode_is_drie_letters(string? s, bool geldig) =>
        Assert.Equal(geldig, Nationaliteit.IsGeldigeCode(s));
}
