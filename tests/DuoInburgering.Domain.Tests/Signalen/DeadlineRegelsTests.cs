using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using static DuoInburgering.Domain.Tests.Signalen.SignaalTestdata;
using static DuoInburgering.Domain.Tests.Testdata;

namespace DuoInburgering.Domain.Tests.Signalen;

/// <summary>SS126/SS127/SS128 with the clock moved per test.</summary>
public class DeadlineRegelsTests
{
    private static readonly DeadlineInstellingen Std = DeadlineInstellingen.Standaard;

    private static IReadOnlyList<SignaalCode> Codes(PersoonToestand t, string vandaag, DeadlineInstellingen? inst = null) =>
        DeadlineRegels.EmitDue(t, D(vandaag), inst ?? Std).Select(s => s.Code).ToList();

    [Theory]
    [InlineData("2022-05-09", false)]
    [InlineData("2022-05-10", true)]
    [InlineData("2022-09-01", true)]
    public void SS126_tien_weken_na_termijnstart_zonder_pip(string vandaag, bool verwacht)
    {
        PersoonToestand t = Plichtig(A) with { TermijnLeerrouteStart = D("2022-03-01") };
        Assert.Equal(verwacht, Codes(t, vandaag).Contains(SignaalCode.SS126));
        Assert.DoesNotContain(SignaalCode.SS126, Codes(t with { Ss126Verzonden = true }, vandaag));
        Assert.DoesNotContain(SignaalCode.SS126, Codes(t with { HuidigePip = PipVan(A) }, vandaag));
    }

    [Theory]
    [InlineData("2022-04-11", false)]
    [InlineData("2022-04-12", true)]
    public void SS127_asiel_met_pip_zonder_aanbod_na_vier_weken(string vandaag, bool verwacht)
    {
        PersoonToestand t = AsielInCoa(A) with { VerblijftInCoa = false, HuidigePip = PipVan(A) };
        Assert.Equal(verwacht, Codes(t, vandaag).Contains(SignaalCode.SS127));
        Assert.Empty(Codes(t with { DatumInburgeringsaanbod = D("2022-04-01") }, vandaag));
        Assert.Empty(Codes(t with { Ss127Verzonden = true }, vandaag));
        Assert.Empty(Codes(Plichtig(A) with { HuidigePip = PipVan(A) }, vandaag));
    }

    [Fact]
    public void SS127_wachttijd_is_instelbaar()
    {
        PersoonToestand t = AsielInCoa(A) with { HuidigePip = PipVan(A) };
        Assert.Contains(SignaalCode.SS127, Codes(t, "2022-03-29", new DeadlineInstellingen(AanbodWachttijdDagen: 14)));
        Assert.Empty(Codes(t, "2022-03-29"));
    }

    [Theory]
    [InlineData("2026-12-14", false)]
    [InlineData("2026-12-15", true)]
    [InlineData("2027-06-14", true)]
    [InlineData("2027-06-15", false)]
    public void SS128_binnen_zes_maanden_voor_aow_datum(string vandaag, bool verwacht)
    {
        // Born 1960-06-15: AOW age 67 in 2027 → AOW date 2027-06-15.
        PersoonToestand t = Plichtig(A) with { Geboortedatum = D("1960-06-15") };
        Assert.Equal(verwacht, Codes(t, vandaag).Contains(SignaalCode.SS128));
        Assert.Empty(Codes(t with { Ss128Verzonden = true }, vandaag));
    }

    [Fact]
    public void Geen_deadline_zonder_gemeente_geparkeerd_of_beeindigd()
    {
        PersoonToestand t = Plichtig(A) with { TermijnLeerrouteStart = D("2022-01-01") };
        Assert.NotEmpty(Codes(t, "2022-06-01"));
        Assert.Empty(Codes(t with { Gemeente = null }, "2022-06-01"));
        Assert.Empty(Codes(t with { Geparkeerd = true }, "2022-06-01"));
        Assert.Empty(Codes(t with { EindReden = EindReden.Diploma }, "2022-06-01"));
        Assert.Empty(Codes(t with { Uitkomst = RegimeUitkomst.Geen }, "2022-06-01"));
    }

    [Fact]
    public void Na_verwerken_vuurt_een_deadline_eenmaal()
    {
        PersoonToestand t = Plichtig(A) with { TermijnLeerrouteStart = D("2022-01-01") };
        IReadOnlyList<Signaal> eerste = DeadlineRegels.EmitDue(t, D("2022-06-01"), Std);
        Assert.Single(eerste);
        Assert.Empty(DeadlineRegels.EmitDue(SignaalRegels.Verwerk(t, eerste), D("2022-06-02"), Std));
    }
}
