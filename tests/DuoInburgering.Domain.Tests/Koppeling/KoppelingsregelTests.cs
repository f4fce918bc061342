using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Koppeling;

/// <summary>docs/domain.md "Which municipality sees a person" and January 2022 failure 2.</summary>
public class KoppelingsregelTests
{
    private static readonly GemeenteCode AzcGemeente = GemeenteCode.Parse("GM0228"); // Ede
    private static readonly GemeenteCode Gekoppeld = GemeenteCode.Parse("GM0363");
    private static readonly GemeenteCode Woongemeente = GemeenteCode.Parse("GM0599");

    private static BrpFeiten Brp(GemeenteCode? g, bool coaAdres = false, string? vestiging = null, string? vertrek = null, string? overlijden = null) =>
        new(g, coaAdres, Dn(vestiging), Dn(vertrek), Dn(overlijden));

    [Fact]
    public void Azc_bewoner_zonder_coa_koppeling_hoort_bij_geen_gemeente_en_nooit_bij_de_azc_gemeente()
    {
        var coa = new CoaFeiten("AZC Ede", null, null, null);
        GemeenteKoppeling k = Koppelingsregel.BepaalGemeente(coa, Brp(AzcGemeente, coaAdres: true));
        Assert.Null(k.Gemeente);
        Assert.Contains("nog niet", k.Reden, StringComparison.Ordinal);
    }

    [Fact]
    public void Brp_coa_adres_zonder_coa_feiten_geeft_geen_gemeente()
    {
        Assert.Null(Koppelingsregel.BepaalGemeente(null, Brp(AzcGemeente, coaAdres: true)).Gemeente);
    }

    [Fact]
    public void Azc_bewoner_met_koppeling_hoort_bij_gekoppelde_gemeente()
    {
        var coa = new CoaFeiten("AZC Ede", Gekoppeld, D("2022-02-01"), null);
        Assert.Equal(Gekoppeld, Koppelingsregel.BepaalGemeente(coa, Brp(AzcGemeente, coaAdres: true)).Gemeente);
    }

    [Fact]
    public void Coa_locatie_telt_ook_als_brp_nog_geen_coa_adres_toont()
    {
        var coa = new CoaFeiten("AZC Ede", Gekoppeld, D("2022-02-01"), null);
        Assert.Equal(Gekoppeld, Koppelingsregel.BepaalGemeente(coa, Brp(AzcGemeente)).Gemeente);
    }

    [Fact]
    public void Na_uitstroom_geldt_de_brp_gemeente()
    {
        var coa = new CoaFeiten("AZC Ede", Gekoppeld, D("2022-02-01"), D("2022-06-01"));
        Assert.Equal(Woongemeente, Koppelingsregel.BepaalGemeente(coa, Brp(Woongemeente, vestiging: "2022-06-01")).Gemeente);
    }

    [Fact]
    public void Zonder_coa_geldt_de_inschrijvingsgemeente_en_zonder_brp_niets()
    {
        Assert.Equal(Woongemeente, Koppelingsregel.BepaalGemeente(null, Brp(Woongemeente)).Gemeente);
        Assert.Null(Koppelingsregel.BepaalGemeente(null, null).Gemeente);
    }

    [Theory]
    [InlineData("2022-01-01", null, null, false)]
    [InlineData("2021-01-01", "2022-01-01", null, true)]
    [InlineData("2023-01-01", "2022-01-01", null, false)]
    [InlineData(null, null, "2022-05-05", true)]
    public void Vertrokken_of_overleden_geeft_geen_gemeente(string? vestiging, string? vertrek, string? overlijden, bool geenGemeente)
    {
        var coa = new CoaFeiten("AZC Ede", Gekoppeld, D("2020-02-01"), D("2020-06-01"));
        GemeenteKoppeling k = Koppelingsregel.BepaalGemeente(coa, Brp(Woongemeente, vestiging: vestiging, vertrek: vertrek, overlijden: overlijden));
        Assert.Equal(geenGemeente, k.Gemeente is null);
    }
}
