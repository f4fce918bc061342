using DuoInburgering.Domain.Regimes;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Regimes;

/// <summary>docs/domain.md rule set 2022-03: every threshold date on both sides.</summary>
public class Regelset2022_03GrensTests
{
    private static readonly RegimeRegelset Regels = RegimeRegelsets.Huidig;

    [Theory]
    [InlineData("2012-12-31", RegimeUitkomst.Wi2007)]
    [InlineData("2013-01-01", RegimeUitkomst.Wi2013)]
    [InlineData("2021-12-31", RegimeUitkomst.Wi2013)]
    [InlineData("2022-01-01", RegimeUitkomst.Wi2021)]
    public void Asielstatushouder_grens_op_bekendmaking(string bekendmaking, RegimeUitkomst verwacht)
    {
        RegimeBesluit b = Regels.DeriveRegime(Asiel(bekendmaking));
        Assert.Equal(verwacht, b.Uitkomst);
        Assert.Equal(D(bekendmaking), b.Peildatum);
        Assert.Equal(D(bekendmaking), b.Startdatum);
        Assert.Equal(Doelgroep.Asielstatushouder, b.Doelgroep);
        Assert.Equal("2022-03", b.RegelsetVersie);
    }

    [Theory]
    [InlineData("2012-12-31", RegimeUitkomst.Wi2007)]
    [InlineData("2013-01-01", RegimeUitkomst.Wi2013)]
    [InlineData("2021-12-31", RegimeUitkomst.Wi2013)]
    [InlineData("2022-01-01", RegimeUitkomst.Wi2021)]
    public void Gezinsmigrant_grens_op_uitreiking_document(string uitreiking, RegimeUitkomst verwacht)
    {
        RegimeBesluit b = Regels.DeriveRegime(Gezin(uitreiking));
        Assert.Equal(verwacht, b.Uitkomst);
        Assert.Equal(Doelgroep.Gezinsmigrant, b.Doelgroep);
    }

    [Theory]
    // 16th birthday after peildatum: start = 16th birthday.
    [InlineData("2005-12-31", "2021-06-01", "2021-12-31", RegimeUitkomst.Wi2013)]
    [InlineData("2006-01-01", "2021-06-01", "2022-01-01", RegimeUitkomst.Wi2021)]
    [InlineData("1996-12-31", "2012-06-01", "2012-12-31", RegimeUitkomst.Wi2007)]
    [InlineData("1997-01-01", "2012-06-01", "2013-01-01", RegimeUitkomst.Wi2013)]
    // 16th birthday on or before peildatum: start = peildatum.
    [InlineData("2005-06-01", "2021-06-01", "2021-06-01", RegimeUitkomst.Wi2013)]
    [InlineData("2005-05-31", "2021-12-31", "2021-12-31", RegimeUitkomst.Wi2013)]
    public void Start_is_maximum_van_peildatum_en_zestiende_verjaardag(string geboren, string peil, string start, RegimeUitkomst verwacht)
    {
        RegimeBesluit b = Regels.DeriveRegime(Asiel(peil, geboren));
        Assert.Equal(D(peil), b.Peildatum);
        Assert.Equal(D(start), b.Startdatum);
        Assert.Equal(verwacht, b.Uitkomst);
    }

    [Fact]
    public void Reden_noemt_zestiende_verjaardag_als_die_de_start_bepaalt()
    {
        RegimeBesluit b = Regels.DeriveRegime(Asiel("2021-06-01", "2006-01-01"));
        Assert.Equal("Asielstatushouder; beschikking bekendgemaakt op 2021-06-01, 16 jaar op 2022-01-01, vanaf 2022-01-01: Wi2021", b.Reden);
    }

    [Theory]
    [InlineData(Verblijfsdoel.Gezinsvorming, Doelgroep.Gezinsmigrant)]
    [InlineData(Verblijfsdoel.GeestelijkBedienaar, Doelgroep.OverigeMigrant)]
    [InlineData(Verblijfsdoel.OverigNietTijdelijk, Doelgroep.OverigeMigrant)]
    public void Andere_verblijfsdoelen_gebruiken_uitreiking_document(Verblijfsdoel doel, Doelgroep doelgroep)
    {
        RegimeBesluit b = Regels.DeriveRegime(Met(doel, bekendmaking: "2021-12-28", uitreiking: "2022-01-03"));
        Assert.Equal(RegimeUitkomst.Wi2021, b.Uitkomst);
        Assert.Equal(doelgroep, b.Doelgroep);
        Assert.Equal(D("2022-01-03"), b.Peildatum);
    }

    [Fact]
    public void Tijdelijk_is_geen_plicht_zonder_doelgroep()
    {
        RegimeBesluit b = Regels.DeriveRegime(Met(Verblijfsdoel.Tijdelijk, "2022-02-01", "2022-02-01"));
        Assert.Equal(RegimeUitkomst.Geen, b.Uitkomst);
        Assert.Null(b.Doelgroep);
        Assert.False(b.IsInburgeringsplichtig);
    }

    [Theory]
    [InlineData(Verblijfsdoel.Asiel, null, "2022-02-01", "datum bekendmaking beschikking ontbreekt")]
    [InlineData(Verblijfsdoel.Gezinshereniging, "2022-02-01", null, "datum uitreiking verblijfsdocument ontbreekt")]
    [InlineData(Verblijfsdoel.OverigNietTijdelijk, null, null, "datum uitreiking verblijfsdocument ontbreekt")]
    public void Ontbrekende_peildatum_is_onbepaald_en_raadt_niet(Verblijfsdoel doel, string? bekendmaking, string? uitreiking, string reden)
    {
        // Ingang and kennisgeving are present but must never stand in for the peildatum.
        IndFeiten f = Met(doel, bekendmaking, uitreiking) with { DatumIngangVerblijfsrecht = D("2021-01-01"), DatumKennisgeving = D("2022-03-01") };
        RegimeBesluit b = Regels.DeriveRegime(f);
        Assert.Equal(RegimeUitkomst.Onbepaald, b.Uitkomst);
        Assert.Null(b.Peildatum);
        Assert.Null(b.Startdatum);
        Assert.Contains(reden, b.Reden, StringComparison.Ordinal);
    }
}
