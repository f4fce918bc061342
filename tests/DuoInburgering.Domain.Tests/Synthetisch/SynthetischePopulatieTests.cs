using System.Diagnostics;
using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Synthetisch;
using Xunit.Abstractions;

namespace DuoInburgering.Domain.Tests.Synthetisch;

public class SynthetischePopulatieTests(ITestOutputHelper output)
{
    private const int N = 10_000;
    private static readonly DateOnly Vandaag = SyntheseOpties.StandaardVandaag;
    private static readonly Lazy<SyntheseUitvoer> Groot = new(() => SyntheseUitvoer.Maak(N));
    private static readonly Lazy<IndexedPersonen> GrootGeindexeerd = new(() => Groot.Value.Personen());

    private static int Cohort => SynthetischePopulatie.IncidentCohort.Count;

    /// <summary>Generated persons only (cohort excluded).</summary>
    private static IEnumerable<List<string>> Populatie => GrootGeindexeerd.Value.IndRijen.Skip(Cohort);

    [Fact]
    public void Zelfde_seed_geeft_identieke_uitvoer()
    {
        SyntheseUitvoer a = SyntheseUitvoer.Maak(2_000, seed: 7);
        SyntheseUitvoer b = SyntheseUitvoer.Maak(2_000, seed: 7);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Andere_seed_geeft_andere_uitvoer_maar_dezelfde_bsns()
    {
        SyntheseUitvoer a = SyntheseUitvoer.Maak(500, seed: 1);
        SyntheseUitvoer b = SyntheseUitvoer.Maak(500, seed: 2);
        Assert.NotEqual(a.Ind, b.Ind);
        Assert.Equal(SyntheseUitvoer.Rijen(a.Ind).Select(r => r[1]), SyntheseUitvoer.Rijen(b.Ind).Select(r => r[1]));
    }

    [Fact]
    public void Kleinere_populatie_is_een_prefix_van_een_grotere()
    {
        SyntheseUitvoer klein = SyntheseUitvoer.Maak(300);
        Assert.StartsWith(klein.Ind, Groot.Value.Ind, StringComparison.Ordinal);
        Assert.StartsWith(klein.Coa, Groot.Value.Coa, StringComparison.Ordinal);
        Assert.StartsWith(klein.Brp, Groot.Value.Brp, StringComparison.Ordinal);
    }

    [Fact]
    public void Kopregels_zijn_exact_en_regels_eindigen_op_lf()
    {
        SyntheseUitvoer u = Groot.Value;
        Assert.Equal(
            "bericht_id,bsn,v_nummer,naam,geboortedatum,nationaliteit,verblijfsdoel,datum_ingang_verblijfsrecht,datum_beschikking,"
            + "datum_bekendmaking_beschikking,datum_uitreiking_document,datum_kennisgeving,datum_intrekking",
            SyntheseUitvoer.Regels(u.Ind)[0]);
        Assert.Equal("bericht_id,bsn,coa_locatie,gekoppelde_gemeente,datum_gekoppeld,datum_uitstroom", SyntheseUitvoer.Regels(u.Coa)[0]);
        Assert.Equal(
            "bericht_id,bsn,gemeente,adres_is_coa_locatie,datum_vestiging,datum_vertrek_buitenland,datum_overlijden",
            SyntheseUitvoer.Regels(u.Brp)[0]);
        Assert.DoesNotContain('\r', u.Ind + u.Coa + u.Brp);
        Assert.DoesNotContain('"', u.Ind + u.Coa + u.Brp);
    }

    [Fact]
    public void Rijaantallen_en_kolommen_kloppen()
    {
        SyntheseUitvoer u = Groot.Value;
        List<List<string>> ind = SyntheseUitvoer.Rijen(u.Ind), coa = SyntheseUitvoer.Rijen(u.Coa), brp = SyntheseUitvoer.Rijen(u.Brp);
        Assert.Equal(new SyntheseResultaat(ind.Count, coa.Count, brp.Count), u.Resultaat);
        Assert.Equal(Cohort + N, ind.Count);
        Assert.All(ind, r => Assert.Equal(13, r.Count));
        Assert.All(coa, r => Assert.Equal(6, r.Count));
        Assert.All(brp, r => Assert.Equal(7, r.Count));

        // Most persons have a BRP row, some (newly arrived) not yet; COA only for asylum status holders.
        Assert.InRange(brp.Count, ind.Count * 0.9, ind.Count - 1);
        HashSet<string> asiel = ind.Where(r => r[6] == "asiel").Select(r => r[1]).ToHashSet(StringComparer.Ordinal);
        Assert.All(coa, r => Assert.Contains(r[1], asiel));
        Assert.InRange(coa.Count, asiel.Count * 0.85, asiel.Count);
    }

    [Fact]
    public void Bericht_ids_zijn_uniek_met_prefix()
    {
        SyntheseUitvoer u = Groot.Value;
        foreach ((string tekst, string prefix) in new[] { (u.Ind, "IND-"), (u.Coa, "COA-"), (u.Brp, "BRP-") })
        {
            List<string> ids = SyntheseUitvoer.Rijen(tekst).Select(r => r[0]).ToList();
            Assert.All(ids, id => Assert.StartsWith(prefix, id, StringComparison.Ordinal));
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        }

        Assert.Equal("IND-000000001", SyntheseUitvoer.Rijen(u.Ind)[Cohort][0]);
    }

    [Fact]
    public void Bsns_zijn_geldig_en_uniek_en_elke_persoon_staat_een_keer_in_ind()
    {
        IndexedPersonen p = GrootGeindexeerd.Value;
        List<string> bsns = p.IndRijen.Select(r => r[1]).ToList();
        Assert.All(bsns, b => Assert.Null(Bsn.Controleer(b)));
        Assert.Equal(bsns.Count, bsns.ToHashSet(StringComparer.Ordinal).Count);
        Assert.Subset(bsns.ToHashSet(StringComparer.Ordinal), p.CoaPerBsn.Keys.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(bsns.ToHashSet(StringComparer.Ordinal), p.BrpPerBsn.Keys.ToHashSet(StringComparer.Ordinal));

        List<string> vNummers = p.IndRijen.Select(r => r[2]).ToList();
        Assert.All(vNummers, v => Assert.Matches("^[0-9]{10}$", v));
        Assert.Equal(vNummers.Count, vNummers.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Geen_feit_ligt_na_vandaag_en_datums_staan_in_volgorde()
    {
        foreach (List<string> r in Populatie)
        {
            DateOnly? ingang = IndexedPersonen.Datum(r[7]), beschikking = IndexedPersonen.Datum(r[8]);
            DateOnly? peil = IndexedPersonen.Datum(r[6] == "asiel" ? r[9] : r[10]);
            Assert.True(ingang <= beschikking, string.Join(',', r));
            if (peil is not null)
            {
                Assert.True(beschikking < peil && peil < Vandaag, string.Join(',', r));
                Assert.True(IndexedPersonen.Datum(r[11]) is not DateOnly k || k > peil, string.Join(',', r));
            }

            Assert.Equal(string.Empty, r[6] == "asiel" ? r[10] : r[9]);
            Assert.All(r.Skip(4).Where(v => v.Length == 10 && v[4] == '-'), v => Assert.True(IndexedPersonen.Datum(v) <= Vandaag, v));
        }

        IndexedPersonen p = GrootGeindexeerd.Value;
        foreach (List<string> r in p.CoaPerBsn.Values.Concat(p.BrpPerBsn.Values))
        {
            Assert.All(r.Where(v => v.Length == 10 && v[4] == '-'), v => Assert.True(IndexedPersonen.Datum(v) <= Vandaag, v));
        }
    }

    [Fact]
    public void Mix_van_doelgroepen_nationaliteiten_en_jaren_is_realistisch()
    {
        List<List<string>> rijen = Populatie.ToList();
        double Aandeel(Func<List<string>, bool> f) => rijen.Count(f) / (double)rijen.Count;

        Assert.InRange(Aandeel(r => r[6] == "asiel"), 0.30, 0.60);
        Assert.InRange(Aandeel(r => r[6] is "gezinshereniging" or "gezinsvorming"), 0.30, 0.50);
        Assert.InRange(Aandeel(r => r[6] is "overig_niet_tijdelijk" or "geestelijk_bedienaar"), 0.04, 0.12);
        Assert.InRange(Aandeel(r => r[6] == "tijdelijk"), 0.04, 0.10);
        Assert.InRange(Aandeel(r => r[5] == "SYR"), 0.10, 0.30);
        Assert.InRange(Aandeel(r => Nationaliteit.IsEuEerZwitserlandOfNederland(r[5])), 0.005, 0.05);
        Assert.InRange(Aandeel(r => r[12].Length > 0), 0.003, 0.02);

        int Jaar(List<string> r) => int.Parse(r[8].AsSpan(0, 4), CultureInfo.InvariantCulture);
        double a2023 = Aandeel(r => Jaar(r) == 2023), a2012 = Aandeel(r => Jaar(r) == 2012);
        Assert.True(a2023 > 3 * a2012, $"2023: {a2023:P1}, 2012: {a2012:P1}");
        Assert.Contains(rijen, r => r[3].Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public void Regimes_volgens_2022_03_komen_allemaal_voor()
    {
        Dictionary<RegimeUitkomst, int> telling = Populatie
            .Select(r => RegimeRegelsets.Huidig.DeriveRegime(IndexedPersonen.Feiten(r)))
            .GroupBy(b => b.Uitkomst)
            .ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine(string.Join(", ", telling.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}")));

        Assert.InRange(telling.GetValueOrDefault(RegimeUitkomst.Onbepaald), N * 0.004, N * 0.02);
        Assert.InRange(telling.GetValueOrDefault(RegimeUitkomst.Wi2021), N * 0.25, N * 0.7);
        Assert.InRange(telling.GetValueOrDefault(RegimeUitkomst.Wi2013), N * 0.15, N * 0.6);
        Assert.InRange(telling.GetValueOrDefault(RegimeUitkomst.Wi2007), N * 0.01, N * 0.15);
        Assert.InRange(telling.GetValueOrDefault(RegimeUitkomst.Geen), N * 0.08, N * 0.35);

        // Some reach AOW age and some are children or near 16 at the peildatum.
        List<RegimeBesluit> besluiten = Populatie.Select(r => RegimeRegelsets.Huidig.DeriveRegime(IndexedPersonen.Feiten(r))).ToList();
        Assert.Contains(besluiten, b => b.Reden.Contains("AOW-leeftijd", StringComparison.Ordinal));
        Assert.Contains(besluiten, b => b.Reden.Contains("16 jaar op", StringComparison.Ordinal));
    }

    [Fact]
    public void Grote_vier_wegen_zwaar_in_de_brp()
    {
        List<List<string>> brp = GrootGeindexeerd.Value.BrpPerBsn.Values.Where(r => r[3] == "false").ToList();
        double grote4 = brp.Count(r => r[2] is "GM0363" or "GM0599" or "GM0518" or "GM0344") / (double)brp.Count;
        Assert.InRange(grote4, 0.35, 0.70);
        Assert.True(brp.Select(r => r[2]).Distinct(StringComparer.Ordinal).Count() >= 30);
    }

    [Fact]
    public void Coa_bewoners_staan_in_de_brp_op_het_azc_adres_en_horen_bij_de_gekoppelde_gemeente()
    {
        IndexedPersonen p = GrootGeindexeerd.Value;
        Dictionary<string, string> locatieGemeente = Tabellen.CoaLocaties.Waarden
            .ToDictionary(l => l.Naam, l => l.GemeenteCode, StringComparer.Ordinal);
        int opCoa = 0, gekoppeld = 0, elders = 0;
        foreach ((string bsn, List<string> coa) in p.CoaPerBsn)
        {
            GemeenteKoppeling k = p.Koppeling(bsn);
            BrpFeiten? brp = p.Brp(bsn);
            if (coa[5].Length == 0)
            {
                opCoa++;
                gekoppeld += coa[3].Length > 0 ? 1 : 0;
                elders += coa[3].Length > 0 && coa[3] != locatieGemeente[coa[2]] ? 1 : 0;
                if (brp is not null)
                {
                    Assert.True(brp.AdresIsCoaLocatie);
                    Assert.Equal(locatieGemeente[coa[2]], brp.Inschrijvingsgemeente?.Waarde);
                }

                // The trap of January 2022: never the AZC's municipality unless COA linked the person there.
                Assert.Equal(coa[3].Length == 0 ? null : coa[3], k.Gemeente?.Waarde);
            }
            else if (brp is { DatumVertrekBuitenland: null, DatumOverlijden: null })
            {
                Assert.False(brp.AdresIsCoaLocatie);
                Assert.True(brp.DatumVestiging >= IndexedPersonen.Datum(coa[5]));
            }
        }

        output.WriteLine($"op COA: {opCoa}, gekoppeld: {gekoppeld}, elders dan AZC-gemeente: {elders}");
        Assert.InRange(gekoppeld / (double)opCoa, 0.65, 0.90);
        Assert.True(elders > gekoppeld * 0.8);
        Assert.Contains(p.IndRijen, r => r[6] == "asiel" && p.CoaPerBsn.ContainsKey(r[1]) && !p.BrpPerBsn.ContainsKey(r[1]));
    }

    [Fact]
    public void Levensloop_vertrek_en_overlijden_komen_voor()
    {
        List<List<string>> brp = GrootGeindexeerd.Value.BrpPerBsn.Values.ToList();
        Assert.InRange(brp.Count(r => r[5].Length > 0) / (double)brp.Count, 0.008, 0.03);
        Assert.InRange(brp.Count(r => r[6].Length > 0) / (double)brp.Count, 0.001, 0.01);
    }

    [Fact]
    public void Ingebedde_gemeenten_bestaan_in_data_gemeenten_csv()
    {
        string map = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(map, "DuoInburgering.sln")))
        {
            map = Path.GetDirectoryName(map) ?? throw new InvalidOperationException("Repository niet gevonden.");
        }

        Dictionary<string, string> cbs = File.ReadLines(Path.Combine(map, "data", "gemeenten.csv"))
            .Skip(1)
            .Select(l => l.Split(';'))
            .ToDictionary(v => v[0], v => v[1], StringComparer.Ordinal);
        foreach (Gemeente g in Tabellen.Woongemeenten.Waarden)
        {
            Assert.True(cbs.TryGetValue(g.Code, out string? naam), g.Code);
            Assert.Equal(naam, g.Naam);
        }

        Assert.All(Tabellen.CoaLocaties.Waarden, l => Assert.True(cbs.ContainsKey(l.GemeenteCode), l.GemeenteCode));
        Assert.Equal("Cranendonck", cbs["GM1706"]);
        Assert.Equal("Westerwolde", cbs["GM1950"]);
    }

    [Fact]
    public void Ongeldige_opties_worden_geweigerd()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheseUitvoer.Maak(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheseUitvoer.Maak(SynthetischePopulatie.MaxPersonen + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheseUitvoer.Maak(1, vandaag: new DateOnly(2009, 1, 1)));
    }

    [Fact]
    public void Eerdere_vandaag_geeft_geen_feiten_erna()
    {
        var vandaag = new DateOnly(2022, 1, 19);
        List<List<string>> ind = SyntheseUitvoer.Rijen(SyntheseUitvoer.Maak(2_000, vandaag: vandaag).Ind);
        Assert.All(ind.Skip(Cohort).SelectMany(r => r.Skip(4)).Where(v => v.Length == 10 && v[4] == '-'),
            v => Assert.True(IndexedPersonen.Datum(v) <= vandaag, v));
    }

    [Fact]
    public void Honderdduizend_personen_stromen_naar_lege_writers()
    {
        var klok = Stopwatch.StartNew();
        SyntheseResultaat r = SynthetischePopulatie.Schrijf(new SyntheseOpties(100_000), TextWriter.Null, TextWriter.Null, TextWriter.Null);
        klok.Stop();
        output.WriteLine($"100.000 personen: {klok.ElapsedMilliseconds} ms; {r}");
        Assert.Equal(100_000 + Cohort, r.IndRijen);
    }
}
