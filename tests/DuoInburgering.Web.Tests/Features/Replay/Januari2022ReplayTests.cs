using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Features.Correcties;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Features.Geparkeerd;
using DuoInburgering.Web.Features.Pauzes;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Tests.Features.Correcties;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Replay;

/// <summary>
/// Issue 5 item 7: January 2022 replayed end to end on real PostgreSQL, on a clock the test moves. The
/// incident cohort and 300 synthetic persons arrive through the real import path under the wrong rule set
/// 2021-12; DUO pauses Wi2021 on 19 January, previews and applies the correction to 2022-03, restarts the
/// family migrants on 1 March and the asylum and other migrants on 25 March. Afterwards every municipality
/// sees exactly the persons the corrected rules (and the 2022 outcome) give it, and the preview's numbers
/// are what the municipalities see.
/// </summary>
public sealed class Januari2022ReplayTests : IAsyncLifetime
{
    private static readonly CancellationToken Geen = CancellationToken.None;
    private const int Synthetisch = 300;

    private static readonly DateTimeOffset Plaatsing = Op(2022, 1, 17);
    private static readonly DateTimeOffset Stop = Op(2022, 1, 19);
    private static readonly DateTimeOffset NieuwBericht = Op(2022, 1, 24);
    private static readonly DateTimeOffset Correctie = Op(2022, 2, 21);
    private static readonly DateTimeOffset HerstartGezin = Op(2022, 3, 1);
    private static readonly DateTimeOffset HerstartAsielOverig = Op(2022, 3, 25);

    /// <summary>An asylum status holder whose permit (January 2022) the IND reports while the Wi2021 is paused.</summary>
    private const string Nakomer = "999990160";
    private const string Utrecht = "GM0344";

    private PostgresServer? _server;
    private string _cs = "";

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        _cs = await _server.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DropDatabaseAsync(_cs);
        }
    }

    [Fact]
    public async Task Januari_2022_van_verkeerde_plaatsing_tot_herstart_op_25_maart()
    {
        var klok = new FakeTimeProvider(Plaatsing);
        await using var db = NpgsqlDataSource.Create(_cs);
        var pauzering = new Pauzering(db, klok, TestAudit.Log(klok));
        var correcties = new Correctiedienst(db, klok, TestAudit.Log(klok));
        var groepen = new GeparkeerdeGroepen(db, klok, TestAudit.Log(klok));
        var cohort = SynthetischePopulatie.IncidentCohort.ToDictionary(p => p.Bsn);
        var gemeenten = await CorrectieDb.LijstAsync(_cs, "select code from gemeente order by code");
        Assert.True(gemeenten.Count > 300);

        // ── Stap 1, 17 januari 2022: de foute regelset 2021-12 is actief (kennisgeving als peildatum, AZC-adres
        //    als gemeente); de cohort en 300 synthetische personen komen binnen via de gewone COA-, BRP- en IND-import.
        await Januari2022Draaiboek.PlaatsenAsync(db, klok, Synthetisch, Dag(Plaatsing));

        var fout = await CorrectieDb.VolgensAsync(_cs, Regelset2021_12.Instance);
        var goed = await CorrectieDb.VolgensAsync(_cs, Regelset2022_03.Instance);
        Assert.Equal(Synthetisch + cohort.Count, fout.Count);
        var januari = await ZichtAsync(gemeenten, Dag(Plaatsing));

        // The late-2021 permits sit under the Wi2021, and the municipality shows them.
        var verkeerd = IncidentCohortDatabase.VerkeerdGeplaatst;
        Assert.All(verkeerd, b =>
        {
            Assert.Equal(RegimeUitkomst.Wi2021, fout[b].Uitkomst);
            Assert.Equal(cohort[b].VerwachtRegime, goed[b].Uitkomst.ToString());
            Assert.NotNull(fout[b].Gemeente);
            Assert.Contains(b, januari[fout[b].Gemeente!]);
        });
        // AZC residents COA has not linked are shown to the municipality of the AZC address (Ter Apel: Westerwolde).
        var azcZonderKoppeling = fout.Where(f => f.Value.Gemeente is not null && goed[f.Key].Gemeente is null
            && f.Value.Uitkomst.AlsRegime() is not null).Select(f => f.Key).ToList();
        Assert.Contains("999990019", azcZonderKoppeling);
        Assert.Contains("999990020", azcZonderKoppeling);
        Assert.All(azcZonderKoppeling, b => Assert.Contains(b, januari[fout[b].Gemeente!]));
        Assert.Contains(IncidentCohortDatabase.Tesfazgi, januari["GM0228"]); // AZC Ede, not Groningen

        // ── Stap 2, 19 januari 2022: DUO stopt de Wi2021 voor alle drie de doelgroepen.
        klok.SetUtcNow(Stop);
        await Januari2022Draaiboek.StoppenAsync(pauzering);
        // A permit made known on 18 January arrives during the pause: stored, waiting, shown to nobody.
        klok.SetUtcNow(NieuwBericht);
        await ImporteerAsync(db, klok, FeitBron.Brp, SynthetischePopulatie.BrpKop,
            $"BRP-PAUZE-01,{Nakomer},{Utrecht},false,2022-01-20,,");
        var ind = await ImporteerAsync(db, klok, FeitBron.Ind, SynthetischePopulatie.IndKop,
            $"IND-PAUZE-01,{Nakomer},9999000160,Abel Tesfay,1995-02-02,ERI,asiel,2021-10-04,2022-01-12,2022-01-18,,2022-01-21,");
        Assert.Equal(1, ind.Herbepaling.Uitgesteld);
        Assert.Equal(("Uitgesteld", (string?)null), await StatusAsync(Nakomer));
        Assert.Equal(1, (await pauzering.OverzichtAsync(Geen)).Single(p => p.Doelgroep == Doelgroep.Asielstatushouder).Wachtend);
        Assert.DoesNotContain(Nakomer, (await ZichtAsync(gemeenten, Dag(NieuwBericht))).SelectMany(g => g.Value));

        // ── Stap 3, 21 februari 2022: voorbeeld van de correctie naar regelset 2022-03 over iedereen; er wordt niets geschreven.
        klok.SetUtcNow(Correctie);
        fout = await CorrectieDb.VolgensAsync(_cs, Regelset2021_12.Instance);
        goed = await CorrectieDb.VolgensAsync(_cs, Regelset2022_03.Instance);
        var voorbeeld = await correcties.VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);

        Assert.Equal(goed.Where(g => g.Value != fout[g.Key]).Select(g => g.Key).Order(StringComparer.Ordinal),
            voorbeeld.Wijzigingen.Select(w => w.Bsn));
        var lijst = voorbeeld.Wijzigingen.ToDictionary(w => w.Bsn);
        // Of the cohort exactly the wrongly placed persons, each to the outcome the cohort expects.
        Assert.Equal([.. verkeerd.Append(IncidentCohortDatabase.Tesfazgi).Order(StringComparer.Ordinal)],
            lijst.Keys.Where(cohort.ContainsKey).Order(StringComparer.Ordinal));
        Assert.All(lijst.Values.Where(w => cohort.ContainsKey(w.Bsn)), w =>
            Assert.Equal((cohort[w.Bsn].VerwachtRegime, cohort[w.Bsn].VerwachteGemeente), (w.NieuweUitkomst, w.NieuweGemeente)));
        Assert.All(verkeerd, b => Assert.Equal(CorrectieActie.VerlaatWi2021, lijst[b].Actie));
        var vertrekkers = lijst.Values.Where(w => w.Actie == CorrectieActie.VerlaatWi2021).Select(w => w.Bsn).ToHashSet();
        Assert.All(azcZonderKoppeling, b => Assert.Null(lijst[b].NieuweGemeente));
        // Counted per municipality: every listed person once as old and once as new (shown or parked).
        Assert.Equal(lijst.Count, voorbeeld.PerGemeente.Sum(g => g.Oud));
        Assert.Equal(lijst.Count, voorbeeld.PerGemeente.Sum(g => g.Nieuw + g.Geparkeerd));
        Assert.All(voorbeeld.PerGemeente.Where(t => t.Gemeente is not null), t =>
            Assert.Equal(t.Oud, lijst.Values.Count(w => w.OudeGemeente == t.Gemeente && januari[t.Gemeente!].Contains(w.Bsn))));
        // Who had Wi2021 signals about a leaver, before the apply: they are to get the SS190.
        var hadWi2021 = (await CorrectieDb.LijstAsync(_cs, """
            select distinct gemeente_code || ' ' || bsn from signaal
            where regime = 'Wi2021' and ingetrokken_op is null and bsn = any(@b)
            """, ("b", vertrekkers.ToArray()))).ToHashSet();
        Assert.Contains($"GM1950 999990019", hadWi2021);

        // ── Stap 4, 21 februari 2022: DUO past precies dit voorbeeld toe.
        var toegepast = await correcties.ToepassenAsync("2022-03", CorrectieScope.Iedereen, voorbeeld.Hash, "duo.beheer", Geen);
        Assert.Equal((ToepassingUitkomst.Toegepast, lijst.Count, voorbeeld.Ss190), (toegepast.Uitkomst, toegepast.Verwerkt, toegepast.Ss190));
        Assert.Equal(["2022-03"], await CorrectieDb.LijstAsync(_cs, "select versie from regelset_actief"));
        var naCorrectie = await ZichtAsync(gemeenten, Dag(Correctie));
        foreach (var g in gemeenten)
        {
            // SS190 in the Wi2021 environment of every municipality that had Wi2021 signals about a leaver, as counted.
            var ss190 = await CorrectieDb.AlsGemeenteAsync(_cs, g, Dag(Correctie),
                "select bsn from signaal where code = 'SS190' and regime = 'Wi2021'");
            Assert.Equal(hadWi2021.Where(h => h.StartsWith(g + " ", StringComparison.Ordinal)).Select(h => h[7..]).Order(StringComparer.Ordinal),
                ss190.Order(StringComparer.Ordinal));
            Assert.Equal(voorbeeld.PerGemeente.SingleOrDefault(t => t.Gemeente == g)?.Ss190 ?? 0, ss190.Count);
            // Of a leaver's Wi2021 signals only the SS190 is left in view.
            var wi2021 = await CorrectieDb.AlsGemeenteAsync(_cs, g, Dag(Correctie),
                $"select code from signaal where regime = 'Wi2021' and bsn in ({string.Join(",", vertrekkers.Select(b => $"'{b}'"))})");
            Assert.All(wi2021, c => Assert.Equal("SS190", c));
            // Leavers are parked and AZC residents without a COA link belong to nobody: no municipality sees them.
            Assert.DoesNotContain(naCorrectie[g], vertrekkers.Contains);
            Assert.DoesNotContain(naCorrectie[g], azcZonderKoppeling.Contains);
        }
        // Tesfazgi stays Wi2021 but belongs to Groningen, not to Ede (the AZC): Ede loses her at once, pause or not;
        // Groningen hears of her when the asylum determination restarts.
        var tesfazgi = IncidentCohortDatabase.Tesfazgi;
        Assert.Equal(("Uitgesteld", (string?)null), await StatusAsync(tesfazgi));
        Assert.DoesNotContain(naCorrectie, g => g.Value.Contains(tesfazgi));
        Assert.Empty(await CorrectieDb.AlsGemeenteAsync(_cs, "GM0228", Dag(Correctie), $"select code from signaal where bsn = '{tesfazgi}'"));
        Assert.Equal(["GM0228 GM0014"], await CorrectieDb.LijstAsync(_cs,
            $"select oude_gemeente || ' ' || nieuwe_gemeente from misplaatsing where bsn = '{tesfazgi}' and correctie_id = {toegepast.CorrectieId}"));

        // ── Stap 5a, 1 maart 2022: herstart voor gezinsmigranten: de geparkeerde groep naar de Wi2013, de Wi2021 hervat.
        klok.SetUtcNow(HerstartGezin);
        var geparkeerd = (await groepen.OverzichtAsync(Geen)).Groepen;
        Assert.Contains(new GeparkeerdeGroep(RegimeUitkomst.Wi2013, Doelgroep.Gezinsmigrant,
            lijst.Values.Count(w => w.Actie == CorrectieActie.VerlaatWi2021 && w.Doelgroep == "Gezinsmigrant"), 0), geparkeerd);
        await Januari2022Draaiboek.HerstartGezinAsync(groepen, pauzering);
        Assert.Contains(IncidentCohortDatabase.Benali, (await ZichtAsync(["GM0599"], Dag(HerstartGezin)))["GM0599"]);
        Assert.Equal(("Uitgesteld", (string?)null), await StatusAsync(Nakomer)); // asylum still paused

        // ── Stap 5b, 25 maart 2022: herstart voor asiel- en overige migranten. Asielstatushouders blijven onder de
        //    Wi2021 (besluit 2022, met keuze voor de Wi2013); overige migranten gaan naar de Wi2013. Daarna hervat.
        klok.SetUtcNow(HerstartAsielOverig);
        await Januari2022Draaiboek.HerstartAsielOverigAsync(groepen, pauzering);
        Assert.Empty(await pauzering.OverzichtAsync(Geen));
        Assert.Empty((await groepen.OverzichtAsync(Geen)).Groepen);
        Assert.Equal(("Bepaald", Utrecht), await StatusAsync(Nakomer));
        Assert.Equal(("Bepaald", "GM0014"), await StatusAsync(tesfazgi));
        Assert.Contains("SS101", await CorrectieDb.AlsGemeenteAsync(_cs, "GM0014", Dag(HerstartAsielOverig),
            $"select code from signaal where bsn = '{tesfazgi}' and regime = 'Wi2021'"));
        Assert.NotEmpty(await CorrectieDb.AlsGemeenteAsync(_cs, Utrecht, Dag(HerstartAsielOverig),
            $"select code from signaal where bsn = '{Nakomer}' and regime = 'Wi2021'"));

        // ── Stap 6, daarna: elke gemeente ziet precies wie de gecorrigeerde regels haar geven, en niemand anders.
        // Expected: rule set 2022-03 and its linking; a wrongly placed asylum status holder stays Wi2021 (2022 outcome).
        static RegimeUitkomst Regime2022(string bsn, Wijziging? w, RegimeUitkomst volgensRegels) =>
            w is { Actie: CorrectieActie.VerlaatWi2021, Doelgroep: "Asielstatushouder" } ? RegimeUitkomst.Wi2021 : volgensRegels;
        var verwacht = goed
            .Where(g => Regime2022(g.Key, lijst.GetValueOrDefault(g.Key), g.Value.Uitkomst).AlsRegime() is not null && g.Value.Gemeente is not null)
            .ToLookup(g => g.Value.Gemeente!, g => g.Key);
        var eind = await ZichtAsync(gemeenten, Dag(HerstartAsielOverig));
        foreach (var g in gemeenten)
        {
            Assert.Equal([.. verwacht[g].Order(StringComparer.Ordinal)], eind[g]);
        }
        Assert.All(verwacht, g => Assert.Contains(g.Key, gemeenten));
        // The regime actually stored agrees with the 2022 outcome for every listed person.
        await using (var ctx = CorrectieDb.Context(_cs))
        {
            var opgeslagen = await ctx.Personen.AsNoTracking().Where(p => lijst.Keys.Contains(p.Bsn))
                .ToDictionaryAsync(p => p.Bsn, p => (p.PubUitkomst is { } u ? u.ToString() : null, p.PubGemeenteCode, p.Geparkeerd));
            Assert.All(lijst.Values, w => Assert.Equal(
                (Regime2022(w.Bsn, w, goed[w.Bsn].Uitkomst).ToString(), w.NieuweGemeente, false), opgeslagen[w.Bsn]));
        }

        // The preview's numbers are what the municipalities see: SS190s received, and listed persons lost and gained.
        foreach (var t in voorbeeld.PerGemeente.Where(t => t.Gemeente is not null))
        {
            var g = t.Gemeente!;
            Assert.Equal(t.Ss190, (await CorrectieDb.AlsGemeenteAsync(_cs, g, Dag(HerstartAsielOverig),
                "select bsn from signaal where code = 'SS190'")).Count);
            Assert.Equal(t.Nieuw + t.Geparkeerd, eind[g].Count(lijst.ContainsKey));
            Assert.DoesNotContain(eind[g], b => lijst.TryGetValue(b, out var w) && w.OudeGemeente == g && w.NieuweGemeente != g);
        }
    }

    private static DateTimeOffset Op(int jaar, int maand, int dag) => new(jaar, maand, dag, 9, 0, 0, TimeSpan.Zero);

    private static DateOnly Dag(DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime);

    /// <summary>What every municipality sees under row-level security (the GemeenteToegang rule in SQL).</summary>
    private async Task<Dictionary<string, List<string>>> ZichtAsync(IEnumerable<string> gemeenten, DateOnly vandaag)
    {
        var uit = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var g in gemeenten)
        {
            uit[g] = await CorrectieDb.ZichtbarePersonenAsync(_cs, g, vandaag);
        }
        return uit;
    }

    private async Task<(string Status, string? PubGemeente)> StatusAsync(string bsn)
    {
        await using var ctx = CorrectieDb.Context(_cs);
        var p = await ctx.Personen.AsNoTracking().SingleAsync(p => p.Bsn == bsn);
        return (p.Status.ToString(), p.PubGemeenteCode);
    }

    /// <summary>One file through the real import path, as the IND, COA or BRP deliver them.</summary>
    private static async Task<ImportRapport> ImporteerAsync(NpgsqlDataSource db, TimeProvider klok, FeitBron bron, string kop, string regel)
    {
        var map = Directory.CreateTempSubdirectory("pib-replay-");
        try
        {
            var pad = Path.Combine(map.FullName, $"{bron.Naam()}.csv");
            await File.WriteAllTextAsync(pad, kop + "\n" + regel + "\n");
            var rapport = await FeitenImport.ImportAsync(db, bron, pad, klok, TestAudit.Log(klok), Geen);
            Assert.Empty(rapport.Afgewezen);
            return rapport;
        }
        finally
        {
            map.Delete(recursive: true);
        }
    }
}
