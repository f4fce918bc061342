using DuoInburgering.Domain.Identiteit;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DuoInburgering.Domain.Tests.Identiteit;

public class BsnTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData(" 123456782 ")]
    public void Geldig_bsn_wordt_geaccepteerd(string s)
    {
        Assert.Null(Bsn.Controleer(s));
        Assert.True(Bsn.TryParse(s, out Bsn bsn));
        Assert.Equal(s.Trim(), bsn.Waarde);
        Assert.Equal(s.Trim(), Bsn.Parse(s).ToString());
    }

    [Theory]
    [InlineData("000000000", "BSN 000000000 is ongeldig.")]
    [InlineData("123456789", "BSN voldoet niet aan de elfproef.")]
    [InlineData("12345678", "BSN moet uit precies 9 cijfers bestaan.")]
    [InlineData("1234567890", "BSN moet uit precies 9 cijfers bestaan.")]
    [InlineData("12345678a", "BSN mag alleen cijfers bevatten.")]
    [InlineData("", "BSN ontbreekt.")]
    [InlineData(null, "BSN ontbreekt.")]
    public void Ongeldig_bsn_geeft_Nederlandse_melding(string? s, string melding)
    {
        Assert.Equal(melding, Bsn.Controleer(s));
        Assert.False(Bsn.TryParse(s, out _));
    }

    [Fact]
    public void Parse_van_ongeldig_bsn_gooit_FormatException()
    {
        var ex = Assert.Throws<FormatException>(() => Bsn.Parse("123456789"));
        Assert.Equal("BSN voldoet niet aan de elfproef.", ex.Message);
        Assert.DoesNotContain("123456789", ex.Message, StringComparison.Ordinal);
    }

    private static Arbitrary<int[]> AchtCijfers() =>
        Gen.ArrayOf(Gen.Choose(0, 9), 8).ToArbitrary();

    [Property]
    public Property Gegenereerd_geldig_bsn_doorstaat_altijd_de_elfproef() =>
        Prop.ForAll(AchtCijfers(), acht =>
        {
            string? bsn = Testdata.MaakBsn(acht);
            return bsn is null || (Bsn.TryParse(bsn, out Bsn b) && b.Waarde == bsn);
        });

    [Property]
    public Property Eén_cijfer_wijzigen_breekt_de_elfproef() =>
        Prop.ForAll(AchtCijfers(), Gen.Choose(0, 8).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (acht, positie, delta) =>
        {
            string? bsn = Testdata.MaakBsn(acht);
            if (bsn is null)
            {
                return true;
            }

            char[] c = bsn.ToCharArray();
            c[positie] = (char)('0' + ((c[positie] - '0' + delta) % 10));
            return Bsn.Controleer(new string(c)) is not null;
        });
}
