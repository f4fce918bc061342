using DuoInburgering.Domain.Evaluatie;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Tests.Evaluatie;

public class RegimeCsvTests
{
    private const string Kop = RegimeCsv.InvoerKop;

    private static string[] Run(string invoer, RegimeRegelset? regels = null)
    {
        using var reader = new StringReader(invoer);
        using var writer = new StringWriter();
        Assert.Equal(0, RegimeCsv.Evaluate(reader, writer, regels ?? RegimeRegelsets.Huidig));
        return writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Incidentgeval_en_volgorde_blijven_behouden()
    {
        string[] uit = Run(Kop + "\n"
            + "111222333,1990-05-05,SYR,asiel,2021-12-01,2021-12-20,2021-12-28,,2022-01-10\n"
            + "123456782,1985-01-01,MAR,gezinsvorming,,,,2022-02-01,\n");
        Assert.Equal(
            [
                "bsn,regime,peildatum,startdatum,reden",
                "111222333,Wi2013,2021-12-28,2021-12-28,\"Asielstatushouder; beschikking bekendgemaakt op 2021-12-28, vóór 2022-01-01: Wi2013\"",
                "123456782,Wi2021,2022-02-01,2022-02-01,\"Gezinsmigrant; verblijfsdocument uitgereikt op 2022-02-01, vanaf 2022-01-01: Wi2021\"",
            ],
            uit);
    }

    [Fact]
    public void Foutieve_regel_reproduceert_het_incident()
    {
        string[] uit = Run(Kop + "\n111222333,1990-05-05,SYR,asiel,,,2021-12-28,,2022-01-10\n", Regelset2021_12.Instance);
        Assert.StartsWith("111222333,Wi2021,2022-01-10,", uit[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456789,1990-05-05,SYR,asiel,,,2022-02-01,,", "elfproef")]
    [InlineData("111222333,2021-02-30,SYR,asiel,,,2022-02-01,,", "Ongeldige datum in geboortedatum")]
    [InlineData("111222333,1990-05-05,SYR,asiel,,,2021-02-30,,", "Ongeldige datum in datum_bekendmaking_beschikking")]
    [InlineData("111222333,1990-05-05,SYR,studie,,,2022-02-01,,", "Onbekend verblijfsdoel")]
    [InlineData("111222333,1990-05-05,SYR,asiel,,,2022-02-01", "Verwacht 9 kolommen, gevonden 7")]
    [InlineData("111222333,,SYR,asiel,,,2022-02-01,,", "Geboortedatum ontbreekt")]
    [InlineData("111222333,1990-05-05,,asiel,,,2022-02-01,,", "Nationaliteit ontbreekt")]
    [InlineData("111222333,1990-05-05,SY,asiel,,,2022-02-01,,", "alpha-3")]
    [InlineData("111222333,1990-05-05,SYR,asiel,,,22-02-01,,", "jjjj-mm-dd")]
    public void Onleesbare_rij_wordt_fout_met_reden(string rij, string reden)
    {
        string[] uit = Run(Kop + "\n" + rij + "\n111222333,1990-05-05,SYR,asiel,,,2022-02-01,,\n");
        Assert.Equal(3, uit.Length);
        string[] velden = uit[1].Split(',', 5);
        Assert.Equal(rij.Split(',')[0], velden[0]);
        Assert.Equal("fout", velden[1]);
        Assert.Contains(reden, velden[4], StringComparison.Ordinal);
        Assert.StartsWith("111222333,Wi2021,", uit[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Geen_onbepaald_en_crlf_en_lege_slotregels()
    {
        string[] uit = Run(Kop + "\r\n"
            + "111222333,1990-05-05,DEU,asiel,,,2022-02-01,,\r\n"
            + "111222333,1990-05-05,SYR,asiel,2022-01-01,,,,2022-02-01\r\n"
            + "111222333,1990-05-05,SYR,tijdelijk,,,,,\r\n\r\n\r\n");
        Assert.Equal(4, uit.Length);
        Assert.StartsWith("111222333,geen,,,", uit[1], StringComparison.Ordinal);
        Assert.StartsWith("111222333,onbepaald,,,", uit[2], StringComparison.Ordinal);
        Assert.Equal("111222333,geen,,,Verblijfsdoel tijdelijk: geen inburgeringsplicht", uit[3]);
    }

    [Fact]
    public void Lege_regel_tussen_rijen_wordt_een_foutrij()
    {
        string[] uit = Run(Kop + "\n111222333,1990-05-05,SYR,asiel,,,2022-02-01,,\n\n111222333,1990-05-05,SYR,asiel,,,2022-02-01,,\n");
        Assert.Equal(",fout,,,Lege regel.", uit[2]);
        Assert.Equal(4, uit.Length);
    }

    [Fact]
    public void Geciteerde_velden_worden_gelezen_en_reden_met_aanhalingsteken_wordt_gequote()
    {
        string[] uit = Run(Kop + "\n\"111222333\",1990-05-05,SYR,\"as\"\"iel\",,,2022-02-01,,\n");
        Assert.Equal("111222333,fout,,,\"Onbekend verblijfsdoel 'as\"\"iel'.\"", uit[1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bsn,geboortedatum,nationaliteit")]
    [InlineData("BSN,geboortedatum,nationaliteit,verblijfsdoel,datum_ingang_verblijfsrecht,datum_beschikking,datum_bekendmaking_beschikking,datum_uitreiking_document,datum_kennisgeving")]
    public void Verkeerde_kop_geeft_RegimeCsvException(string kop)
    {
        using var reader = new StringReader(kop);
        using var writer = new StringWriter();
        var ex = Assert.Throws<RegimeCsvException>(() => RegimeCsv.Evaluate(reader, writer, RegimeRegelsets.Huidig));
        Assert.Contains("kopregel", ex.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, writer.ToString());
    }

    [Fact]
    public void Verwerk_telt_rijen_en_fouten()
    {
        using var reader = new StringReader("\uFEFF" + Kop + "\n111222333,1990-05-05,SYR,asiel,,,2022-02-01,,\n000000000,1990-05-05,SYR,asiel,,,2022-02-01,,\n");
        using var writer = new StringWriter();
        Assert.Equal(new RegimeCsvResultaat(2, 1), RegimeCsv.Verwerk(reader, writer, RegimeRegelsets.Huidig));
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("zeg \"hoi\"", "\"zeg \"\"hoi\"\"\"")]
    [InlineData("gewoon", "gewoon")]
    [InlineData("", "")]
    public void Quote(string waarde, string verwacht) => Assert.Equal(verwacht, CsvVeld.Quote(waarde));
}
