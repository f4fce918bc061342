using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Regimes;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Koppeling;

/// <summary>
/// The linking belongs to the rule set: 2021-12 reproduces January 2022 failure 2 (AZC residents shown to
/// the municipality of the AZC address), 2022-03 is <see cref="Koppelingsregel.BepaalGemeente"/>.
/// </summary>
public class KoppelingsversieTests
{
    private static GemeenteCode? G(string? code) => code is null ? null : GemeenteCode.Parse(code);

    public static TheoryData<string, CoaFeiten?, BrpFeiten?, string?, string?> Gevallen() => new()
    {
        // case, COA, BRP, 2021-12, 2022-03
        { "azc, gekoppeld", new CoaFeiten("AZC Budel", G("GM0363"), D("2022-01-05"), null), new BrpFeiten(G("GM1706"), true, null, null, null), "GM1706", "GM0363" },
        { "azc, niet gekoppeld", new CoaFeiten("AZC Ter Apel", null, null, null), new BrpFeiten(G("GM1950"), true, null, null, null), "GM1950", null },
        { "alleen brp zegt coa-adres", null, new BrpFeiten(G("GM1950"), true, null, null, null), "GM1950", null },
        { "azc, nog niet in de brp", new CoaFeiten("AZC Ter Apel", G("GM0518"), D("2022-01-12"), null), null, "GM0518", "GM0518" },
        { "uitgestroomd", new CoaFeiten("AZC Assen", G("GM0268"), D("2021-12-01"), D("2022-01-10")), new BrpFeiten(G("GM0268"), false, null, null, null), "GM0268", "GM0268" },
        { "geen coa", null, new BrpFeiten(G("GM0599"), false, null, null, null), "GM0599", "GM0599" },
        { "overleden in azc", new CoaFeiten("AZC Ede", G("GM0014"), null, null), new BrpFeiten(G("GM0228"), true, null, null, D("2022-01-02")), null, null },
        { "vertrokken", null, new BrpFeiten(G("GM0228"), true, D("2021-01-01"), D("2022-01-02"), null), null, null },
    };

    [Theory]
    [MemberData(nameof(Gevallen))]
    public void Elke_regelset_koppelt_volgens_haar_eigen_versie(string geval, CoaFeiten? coa, BrpFeiten? brp, string? fout, string? goed)
    {
        GemeenteKoppeling k2021 = Regelset2021_12.Instance.BepaalGemeente(coa, brp);
        GemeenteKoppeling k2022 = Regelset2022_03.Instance.BepaalGemeente(coa, brp);
        Assert.True(G(fout) == k2021.Gemeente, geval);
        Assert.True(G(goed) == k2022.Gemeente, geval);
        Assert.Equal(Koppelingsregel.BepaalGemeente(coa, brp), k2022);
        Assert.False(string.IsNullOrWhiteSpace(k2021.Reden));
    }

    [Fact]
    public void De_foutieve_koppeling_zegt_in_haar_uitleg_dat_ze_fout_is()
    {
        var k = Regelset2021_12.Instance.BepaalGemeente(new CoaFeiten("AZC Budel", G("GM0363"), null, null),
            new BrpFeiten(G("GM1706"), true, null, null, null));
        Assert.Equal("Woont op een COA-locatie; getoond aan de gemeente van het BRP-adres GM1706 (foutieve koppeling 2021-12).", k.Reden);
    }
}
