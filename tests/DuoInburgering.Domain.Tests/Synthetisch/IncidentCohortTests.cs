using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Synthetisch;

namespace DuoInburgering.Domain.Tests.Synthetisch;

/// <summary>The fixed demo persons of January 2022, checked against the real rules.</summary>
public class IncidentCohortTests
{
    private static readonly Lazy<IndexedPersonen> Uitvoer = new(() => SyntheseUitvoer.Maak(50).Personen());

    public static TheoryData<string> CohortBsns() => new(SynthetischePopulatie.IncidentCohort.Select(p => p.Bsn));

    private static DemoPersoon Demo(string bsn) => SynthetischePopulatie.IncidentCohort.Single(p => p.Bsn == bsn);

    private static List<string> IndRij(string bsn) => Uitvoer.Value.IndRijen.Single(r => r[1] == bsn);

    [Theory]
    [MemberData(nameof(CohortBsns))]
    public void Rule_set_2022_03_geeft_het_verwachte_regime(string bsn)
    {
        RegimeBesluit b = RegimeRegelsets.Get("2022-03").DeriveRegime(IndexedPersonen.Feiten(IndRij(bsn)));
        Assert.Equal(Demo(bsn).VerwachtRegime, b.Uitkomst.AlsTekst());
    }

    [Theory]
    [MemberData(nameof(CohortBsns))]
    public void Koppelingsregel_geeft_de_verwachte_gemeente(string bsn)
    {
        GemeenteCode? g = Uitvoer.Value.Koppeling(bsn).Gemeente;
        Assert.Equal(Demo(bsn).VerwachteGemeente, g?.Waarde);
    }

    [Theory]
    [MemberData(nameof(CohortBsns))]
    public void Een_azc_bewoner_hoort_nooit_bij_de_gemeente_van_het_azc(string bsn)
    {
        if (Uitvoer.Value.Brp(bsn) is { AdresIsCoaLocatie: true } brp)
        {
            Assert.NotEqual(brp.Inschrijvingsgemeente, Uitvoer.Value.Koppeling(bsn).Gemeente);
        }
    }

    [Fact]
    public void Cohort_staat_vooraan_met_vaste_bsns_ook_bij_nul_personen()
    {
        SyntheseUitvoer leeg = SyntheseUitvoer.Maak(0);
        List<List<string>> rijen = SyntheseUitvoer.Rijen(leeg.Ind);
        Assert.Equal(SynthetischePopulatie.IncidentCohort.Select(p => p.Bsn), rijen.Select(r => r[1]));
        Assert.Equal("IND-DEMO-01", rijen[0][0]);
        Assert.Equal(
            [
                "999990019", "999990020", "999990032", "999990044", "999990056", "999990068", "999990081",
                "999990093", "999990111", "999990123", "999990135", "999990147", "999990159",
            ],
            SynthetischePopulatie.IncidentCohort.Select(p => p.Bsn));
        Assert.All(SynthetischePopulatie.IncidentCohort, p => Assert.Null(Bsn.Controleer(p.Bsn)));
        Assert.Equal(rijen.Count, leeg.Resultaat.IndRijen);
    }

    [Fact]
    public void Foutieve_regel_2021_12_plaatst_de_late_2021_gevallen_onder_Wi2021()
    {
        // Group (a) and (b): peildatum in late 2021, kennisgeving in January 2022.
        string[] incident = ["999990019", "999990020", "999990032", "999990044", "999990056", "999990068", "999990081", "999990159"];
        foreach (string bsn in incident)
        {
            IndFeiten f = IndexedPersonen.Feiten(IndRij(bsn));
            Assert.Equal(RegimeUitkomst.Wi2021, RegimeRegelsets.Get("2021-12").DeriveRegime(f).Uitkomst);
            Assert.Equal(RegimeUitkomst.Wi2013, RegimeRegelsets.Get("2022-03").DeriveRegime(f).Uitkomst);
        }
    }

    [Fact]
    public void Cohort_dekt_alle_gevallen_van_de_opdracht()
    {
        IReadOnlyList<DemoPersoon> c = SynthetischePopulatie.IncidentCohort;
        Assert.InRange(c.Count, 10, 15);
        Assert.Contains(c, p => p.VerwachtRegime == "Wi2013" && p.VerwachteGemeente is null);
        Assert.Contains(c, p => p.VerwachteGemeente == "GM0363" && Uitvoer.Value.Brp(p.Bsn)?.Inschrijvingsgemeente?.Waarde == "GM1706");
        Assert.Contains(c, p => p.VerwachteGemeente == "GM0599" && Uitvoer.Value.Brp(p.Bsn)?.Inschrijvingsgemeente?.Waarde == "GM1706");
        Assert.Contains(c, p => p.VerwachtRegime == "Wi2021");
        Assert.Contains(c, p => p.VerwachtRegime == "geen");
        Assert.Contains(c, p => p.VerwachteGemeente == "GM0344" && Uitvoer.Value.Coa(p.Bsn)?.GekoppeldeGemeente?.Waarde == "GM0228");
        Assert.All(c, p => Assert.False(string.IsNullOrWhiteSpace(p.Omschrijving)));
        Assert.DoesNotContain(c, p => p.VerwachteGemeente is "GM1706" or "GM1950");
    }
}
