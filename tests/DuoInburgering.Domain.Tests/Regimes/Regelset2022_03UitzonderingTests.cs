using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Regimes;

/// <summary>docs/domain.md rule set 2022-03 "not obligated" clauses: EU/EEA/CH/NLD, TUR, AOW age.</summary>
public class Regelset2022_03UitzonderingTests
{
    private static readonly RegimeRegelset Regels = Regelset2022_03.Instance;

    public static TheoryData<string> VrijgesteldeLanden() => new(Nationaliteit.EuEerZwitserlandNederland);

    [Theory]
    [MemberData(nameof(VrijgesteldeLanden))]
    public void Eu_eer_zwitserland_en_nederland_zijn_nooit_plichtig(string land)
    {
        Assert.Equal(RegimeUitkomst.Geen, Regels.DeriveRegime(Asiel("2022-02-01", nat: land)).Uitkomst);
        Assert.Equal(RegimeUitkomst.Geen, Regels.DeriveRegime(Gezin("2015-02-01", nat: land)).Uitkomst);
    }

    [Theory]
    [InlineData("GBR")]
    [InlineData("USA")]
    [InlineData("UKR")]
    public void Derde_landen_zijn_plichtig(string land) =>
        Assert.Equal(RegimeUitkomst.Wi2021, Regels.DeriveRegime(Gezin("2022-02-01", nat: land)).Uitkomst);

    [Theory]
    [InlineData("asiel", "2020-04-30", RegimeUitkomst.Geen)]
    [InlineData("asiel", "2020-05-01", RegimeUitkomst.Wi2013)]
    [InlineData("asiel", "2012-06-01", RegimeUitkomst.Geen)]
    [InlineData("asiel", "2022-01-01", RegimeUitkomst.Wi2021)]
    [InlineData("gezin", "2020-04-30", RegimeUitkomst.Geen)]
    [InlineData("gezin", "2020-05-01", RegimeUitkomst.Geen)]
    [InlineData("gezin", "2021-12-31", RegimeUitkomst.Geen)]
    [InlineData("gezin", "2012-12-31", RegimeUitkomst.Geen)]
    [InlineData("gezin", "2022-01-01", RegimeUitkomst.Wi2021)]
    public void Turkse_nationaliteit(string soort, string peil, RegimeUitkomst verwacht)
    {
        IndFeiten f = soort == "asiel" ? Asiel(peil, nat: "TUR") : Gezin(peil, nat: "TUR");
        RegimeBesluit b = Regels.DeriveRegime(f);
        Assert.Equal(verwacht, b.Uitkomst);
        if (verwacht == RegimeUitkomst.Geen)
        {
            Assert.Contains("Turkse nationaliteit", b.Reden, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(2012, 65, 0)]
    [InlineData(2013, 65, 1)]
    [InlineData(2014, 65, 2)]
    [InlineData(2015, 65, 3)]
    [InlineData(2016, 65, 6)]
    [InlineData(2017, 65, 9)]
    [InlineData(2018, 66, 0)]
    [InlineData(2019, 66, 4)]
    [InlineData(2020, 66, 4)]
    [InlineData(2021, 66, 4)]
    [InlineData(2022, 66, 7)]
    [InlineData(2023, 66, 10)]
    [InlineData(2024, 67, 0)]
    [InlineData(2027, 67, 0)]
    public void Aow_leeftijd_bij_start_per_jaar(int jaar, int jaren, int maanden)
    {
        DateOnly start = new(jaar, 7, 1);
        DateOnly preciesAow = start.AddMonths(-maanden).AddYears(-jaren);
        string peil = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        RegimeBesluit opAow = Regels.DeriveRegime(Gezin(peil, preciesAow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        RegimeBesluit dagJonger = Regels.DeriveRegime(Gezin(peil, preciesAow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(RegimeUitkomst.Geen, opAow.Uitkomst);
        Assert.Contains("AOW-leeftijd", opAow.Reden, StringComparison.Ordinal);
        Assert.True(dagJonger.IsInburgeringsplichtig);
        Assert.Equal(new AowLeeftijd.Leeftijd(jaren, maanden), AowLeeftijd.VoorJaar(jaar));
    }

    [Theory]
    [InlineData("2022-07-01", "1955-12-01", RegimeUitkomst.Geen)]
    [InlineData("2022-07-01", "1955-12-02", RegimeUitkomst.Wi2021)]
    [InlineData("2012-12-31", "1947-12-31", RegimeUitkomst.Geen)]
    [InlineData("2013-01-01", "1947-12-31", RegimeUitkomst.Wi2013)]
    public void Aow_maandverschuiving_rond_jaargrens(string peil, string geboren, RegimeUitkomst verwacht) =>
        Assert.Equal(verwacht, Regels.DeriveRegime(Gezin(peil, geboren)).Uitkomst);
}
