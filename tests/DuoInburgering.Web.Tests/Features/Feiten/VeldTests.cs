using System.Globalization;
using DuoInburgering.Web.Verwerking.Feiten;

namespace DuoInburgering.Web.Tests.Features.Feiten;

/// <summary>Veld reads dates by hand for speed; what counts as a date must stay exactly what TryParseExact accepts.</summary>
public sealed class VeldTests
{
    [Theory]
    [InlineData("2021-12-28")]
    [InlineData(" 2021-12-28 ")]
    [InlineData("2020-02-29")]
    [InlineData("2021-02-29")]
    [InlineData("2021-02-30")]
    [InlineData("2021-13-01")]
    [InlineData("2021-00-10")]
    [InlineData("2021-01-00")]
    [InlineData("2021-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2021-1-01")]
    [InlineData("21-01-01")]
    [InlineData("2021/01/01")]
    [InlineData("2021-01-01T00:00")]
    [InlineData("2021-01-01\0")]
    [InlineData("２０２１-01-01")]
    [InlineData("+021-01-01")]
    [InlineData("2021-0a-01")]
    public void A_date_is_what_TryParseExact_says_it_is(string tekst)
    {
        var verwacht = DateOnly.TryParseExact(tekst.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d);

        Assert.Equal(verwacht, Veld.IsDatumOfLeeg(tekst));
        if (verwacht)
        {
            Assert.Equal(d, Veld.Datum(tekst));
        }
    }
}
