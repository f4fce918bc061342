using System.Globalization;
using System.Net;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Features.Correcties;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Features.Geparkeerd;
using DuoInburgering.Web.Features.Pauzes;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Tests.Features.Correcties;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Replay;

/// <summary>
/// Issue 6, "How it is checked": January 2022 replayed as in <see cref="Januari2022ReplayTests"/>, and looked at as an
/// auditor would afterwards. Before the stop the caseworkers of every municipality download their signal lists through the
/// portal (the real flow, recorded as disclosures); DUO pauses, corrects with the correction run and restarts; then the
/// municipalities download again. The breach report for that run must name as "not responsible" exactly the
/// municipalities whose January downloads held a person the run corrected (wrongly placed under Wi2021, or shown to the
/// wrong municipality), and no others; the municipalities that only saw them after the restart are named as responsible.
/// </summary>
public sealed class Januari2022LekrapportTests : IAsyncLifetime
{
    private static readonly CancellationToken Geen = CancellationToken.None;

    private static readonly DateTimeOffset Plaatsing = Op(2022, 1, 17);
    private static readonly DateTimeOffset Bekeken = Op(2022, 1, 18);
    private static readonly DateTimeOffset Stop = Op(2022, 1, 19);
    private static readonly DateTimeOffset Correctie = Op(2022, 2, 21);
    private static readonly DateTimeOffset HerstartGezin = Op(2022, 3, 1);
    private static readonly DateTimeOffset HerstartAsielOverig = Op(2022, 3, 25);
    private static readonly DateTimeOffset Nadien = Op(2022, 3, 28);

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
    public async Task Het_lekrapport_van_de_correctierun_noemt_precies_de_gemeenten_die_verkeerd_geplaatste_of_gekoppelde_personen_zagen()
    {
        var klok = new Testklok(Plaatsing);
        await using var db = NpgsqlDataSource.Create(_cs);
        using var basis = new CorrectieWebFactory(_cs);
        using var portaal = basis.MetKlok(klok);

        // 17 January: the wrong rule set 2021-12; the incident cohort and 300 synthetic persons arrive through the import.
        await Januari2022Draaiboek.PlaatsenAsync(db, klok, 300, Dag(Plaatsing));

        // 18 January: every municipality's caseworker downloads each list it has, as the portal offers them.
        klok.Zet(Bekeken);
        var voor = await BekijkenAsync(portaal);

        // 19 January DUO stops the Wi2021; 21 February it applies the correction to 2022-03 over everyone.
        klok.Zet(Stop);
        var pauzering = new Pauzering(db, klok, TestAudit.Log(klok));
        await Januari2022Draaiboek.StoppenAsync(pauzering);
        klok.Zet(Correctie);
        var correcties = new Correctiedienst(db, klok, TestAudit.Log(klok));
        var voorbeeld = await correcties.VoorbeeldAsync("2022-03", CorrectieScope.Iedereen, Geen);
        var run = await correcties.ToepassenAsync("2022-03", CorrectieScope.Iedereen, voorbeeld.Hash, "duo.beheer", Geen);
        var gecorrigeerd = voorbeeld.Wijzigingen.Select(w => w.Bsn).ToHashSet(StringComparer.Ordinal);

        // 1 and 25 March: the parked groups are released and the Wi2021 resumes, as DUO did.
        var groepen = new GeparkeerdeGroepen(db, klok, TestAudit.Log(klok));
        klok.Zet(HerstartGezin);
        await Januari2022Draaiboek.HerstartGezinAsync(groepen, pauzering);
        klok.Zet(HerstartAsielOverig);
        await Januari2022Draaiboek.HerstartAsielOverigAsync(groepen, pauzering);

        // 28 March: the municipalities look at their lists again, now with the corrected persons where they belong.
        klok.Zet(Nadien);
        var na = await BekijkenAsync(portaal);

        // What the caseworkers saw of the corrected persons, before and after.
        Dictionary<string, HashSet<string>> Gezien(Dictionary<string, HashSet<string>> zicht) => zicht
            .Select(z => (z.Key, Personen: z.Value.Where(gecorrigeerd.Contains).ToHashSet(StringComparer.Ordinal)))
            .Where(z => z.Personen.Count > 0).ToDictionary(z => z.Key, z => z.Personen, StringComparer.Ordinal);
        var onterecht = Gezien(voor);
        var terecht = Gezien(na).Keys.Except(onterecht.Keys).ToHashSet(StringComparer.Ordinal);
        // Both incidents are in it: Ede had Tesfazgi (COA linked her to Groningen), Westerwolde the unlinked AZC residents,
        // Rotterdam Fatima Benali under the Wi2021.
        Assert.Contains(IncidentCohortDatabase.Tesfazgi, onterecht["GM0228"]);
        Assert.Contains("999990019", onterecht["GM1950"]);
        Assert.Contains(IncidentCohortDatabase.Benali, onterecht["GM0599"]);
        Assert.Contains("GM0014", terecht);
        Assert.True(voor.Count > onterecht.Count, "Ook gemeenten zonder gecorrigeerde personen hebben hun lijsten bekeken.");

        // The auditor's breach report for the run.
        var rapport = await portaal.Services.GetRequiredService<Lekrapportage>().MaakAsync(new LekrapportBereik.Correctierun(run.CorrectieId), Geen);

        Assert.Equal(gecorrigeerd.Count, rapport.Personen);
        Assert.Equal(onterecht.Keys.Order(StringComparer.Ordinal), rapport.NietVerantwoordelijk.Select(g => g.Code).Order(StringComparer.Ordinal));
        Assert.Equal(terecht.Order(StringComparer.Ordinal),
            rapport.Gemeenten.Where(g => g.Verantwoordelijk).Select(g => g.Code).Order(StringComparer.Ordinal));
        Assert.Equal(onterecht.Values.SelectMany(p => p).Distinct().Count(), rapport.PersonenOnterecht);
        foreach (var g in rapport.NietVerantwoordelijk)
        {
            Assert.Equal(onterecht[g.Code].Count, g.PersonenOnterecht);
            Assert.Equal([$"km.{g.Code}"], g.Gebruikers);
            Assert.True(g.Eerste < Correctie, $"{g.Code} zag de persoon voor het eerst op {g.Eerste:O}, na de correctie.");
        }
        Assert.Contains(Gegevenscategorieen.Naam, rapport.Categorieen);
        Assert.Equal(rapport.Gemeenten.Count, rapport.Rectificatieontvangers.Count());

        // The same through the portal, as the auditor downloads it.
        using var auditor = Aanmelding.Als(portaal, "fg.auditor");
        var token = await Aanmelding.AntiforgeryTokenAsync(auditor, "/audit/lekrapport");
        using var csv = await auditor.PostAsync(new Uri("/audit/lekrapport.csv", UriKind.Relative), new FormUrlEncodedContent(
        [
            KeyValuePair.Create("Soort", "correctierun"),
            KeyValuePair.Create("Correctie", run.CorrectieId.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create("__RequestVerificationToken", token),
        ]));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var rijen = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(r => r.Split(';')).ToList();
        Assert.Equal(onterecht.Keys.Order(StringComparer.Ordinal), rijen.Where(r => r[2] == "nee").Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.Equal(terecht.Order(StringComparer.Ordinal), rijen.Where(r => r[2] == "ja").Select(r => r[0]).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Every municipality with signals in view downloads each of its lists (CSV) through the portal, as its own
    /// caseworker km.{code}; returns which BSNs each one was shown.
    /// </summary>
    private async Task<Dictionary<string, HashSet<string>>> BekijkenAsync(WebApplicationFactory<Program> portaal)
    {
        var lijsten = await CorrectieDb.LijstAsync(_cs,
            "select distinct gemeente_code || ' ' || lower(regime) from signaal where ingetrokken_op is null order by 1");
        var gezien = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var groep in lijsten.Select(l => l.Split(' ')).GroupBy(l => l[0], l => l[1]))
        {
            using var client = portaal.GemeenteClient(groep.Key, $"km.{groep.Key}");
            var bsns = gezien[groep.Key] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var regime in groep)
            {
                var tekst = await client.GetStringAsync(new Uri($"/gemeente/signalen/{regime}/download.csv", UriKind.Relative));
                bsns.UnionWith(tekst.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(';')[0]));
            }
        }
        return gezien;
    }

    private static DateTimeOffset Op(int jaar, int maand, int dag) => new(jaar, maand, dag, 9, 0, 0, TimeSpan.Zero);

    private static DateOnly Dag(DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime);
}
