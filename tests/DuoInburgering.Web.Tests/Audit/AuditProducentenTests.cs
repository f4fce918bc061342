using System.Diagnostics;
using System.Text;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Features.Pauzes;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static DuoInburgering.Web.Tests.Features.Signalen.SignalenTestdata;

namespace DuoInburgering.Web.Tests.Audit;

/// <summary>
/// The producers wired now: every disclosure (through <see cref="Verstrekkingen"/>) and every pause and
/// resume write their audit rows in their own transaction, and what lands in the audit tables names nobody.
/// </summary>
public sealed class AuditProducentenTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private NpgsqlDataSource _db = null!;

    public async Task InitializeAsync()
    {
        _db = NpgsqlDataSource.Create(database.ConnectionString);
        await using var db = database.CreateContext();
        if (!await db.Signalen.AnyAsync())
        {
            await VulAsync(database);
        }
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private sealed record Rij(byte[] Betrokkene, string Actor, string? Rol, string? Gemeente, string? Kanaal, string? Omschrijving, string Trace, string Span);

    private async Task<List<Rij>> RijenNaAsync(long vanaf)
    {
        var rijen = new List<Rij>();
        await AuditWachtrij.VerwerkAsync(_db);
        await using var cmd = _db.CreateCommand("""
            select betrokkene, actor, rol, gemeente_code, gegevens->>'kanaal', gegevens->>'omschrijving', encode(trace_id, 'hex'), encode(span_id, 'hex')
            from audit.regel where id > @vanaf and soort = 'Verstrekking' order by id
            """);
        cmd.Parameters.AddWithValue("vanaf", vanaf);
        await using var lezer = await cmd.ExecuteReaderAsync();
        while (await lezer.ReadAsync())
        {
            rijen.Add(new Rij(lezer.GetFieldValue<byte[]>(0), lezer.GetString(1), lezer.IsDBNull(2) ? null : lezer.GetString(2),
                lezer.IsDBNull(3) ? null : lezer.GetString(3), lezer.IsDBNull(4) ? null : lezer.GetString(4),
                lezer.IsDBNull(5) ? null : lezer.GetString(5), lezer.GetString(6), lezer.GetString(7)));
        }
        return rijen;
    }

    private Task<long> LaatsteIdAsync() => AuditTestdata.ScalarAsync<long>(_db, "select coalesce(max(id), 0) from audit.regel");

    private static HashSet<string> Hex(IEnumerable<byte[]> waarden) => waarden.Select(Convert.ToHexString).ToHashSet();

    [Fact]
    public async Task A_page_of_the_signal_list_writes_one_audit_row_per_bsn_shown_with_user_municipality_channel_and_trace()
    {
        var vanaf = await LaatsteIdAsync();
        using var spoor = new Activity("signalenlijst").SetIdFormat(ActivityIdFormat.W3C).Start();

        var pagina = await Zoeken(database, Klok()).ZoekAsync(Klantmanager, new SignaalFilter(Regime.Wi2021) { PaginaGrootte = 7, Pagina = 1 });

        var getoond = pagina.Rijen.Select(r => r.Bsn).Distinct().ToList();
        Assert.NotEmpty(getoond);
        var rijen = await RijenNaAsync(vanaf);
        Assert.Equal(getoond.Count, rijen.Count);
        Assert.Equal(Hex(getoond.Select(TestAudit.Log().Pseudoniem)), Hex(rijen.Select(r => r.Betrokkene)));
        Assert.All(rijen, r => Assert.Equal(
            new Rij(r.Betrokkene, "km.amsterdam", "Gemeente", Eigen, "Scherm", "signalenlijst Wi2021", spoor.TraceId.ToHexString(), spoor.SpanId.ToHexString()), r));
    }

    [Fact]
    public async Task A_download_through_the_real_endpoint_carries_the_callers_trace_id_into_every_audit_row()
    {
        await using var factory = new PibWebFactory(database).WithWebHostBuilder(b =>
        {
            b.UseSetting("Deadlines:Ingeschakeld", "false");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Klok()));
        });
        using var client = Aanmelding.Als(factory, PibPrincipal.Maak("km.amsterdam", "Klantmanager", Rol.Gemeente, Eigen, Betrouwbaarheidsniveau.Substantieel, "Test"));
        var vanaf = await LaatsteIdAsync();
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, new Uri("/gemeente/signalen/wi2021/download.csv?code=SS101", UriKind.Relative));
        verzoek.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var antwoord = await client.SendAsync(verzoek);
        var tekst = await antwoord.Content.ReadAsStringAsync();

        var bsns = tekst.TrimStart('\uFEFF').Split("\r\n")[1..^1].Select(r => r.Split(';')[0]).Distinct().ToList();
        Assert.NotEmpty(bsns);
        var rijen = await RijenNaAsync(vanaf);
        Assert.Equal(Hex(bsns.Select(TestAudit.Log().Pseudoniem)), Hex(rijen.Select(r => r.Betrokkene)));
        Assert.Equal(bsns.Count, rijen.Count);
        Assert.All(rijen, r => Assert.Equal(("km.amsterdam", Eigen, "Download", "download csv Wi2021", trace),
            (r.Actor, r.Gemeente, r.Kanaal, r.Omschrijving, r.Trace)));
        Assert.Single(rijen.Select(r => r.Span).Distinct());
    }

    [Fact]
    public async Task A_read_that_is_rolled_back_leaves_no_disclosure_queued_or_in_the_audit_log()
    {
        var vanaf = await LaatsteIdAsync();
        await using (var sessie = await GemeenteSessie.OpenAsync(Factory(database), Klantmanager, Vandaag, TestAudit.Log()))
        {
            var bsns = await sessie.Db.Personen.Select(p => p.Bsn).Take(3).ToListAsync();
            await Verstrekkingen.RegistreerAsync(sessie, VerstrekkingKanaal.Scherm, "persoonspagina", bsns, DateTimeOffset.UtcNow);
            // no commit: the read fails after recording, say the page could not be sent
        }

        // LaatsteIdAsync moves the queue first: a queued disclosure that survived the rollback would show here.
        Assert.Equal(vanaf, await LaatsteIdAsync());
        Assert.True((await new AuditKeten(_db, TimeProvider.System).ControleerAsync("test")).Intact);
    }

    [Fact]
    public async Task A_pause_and_a_resume_are_DUO_actions_in_the_audit_log_in_their_own_transaction()
    {
        var vanaf = await LaatsteIdAsync();
        var pauzering = new Pauzering(_db, Klok(), TestAudit.Log(Klok()));
        await pauzering.PauzeerAsync(Regime.Wi2007, Doelgroep.Gezinsmigrant, "duo.beheer", "Plaatsing onderzoeken", default);
        await Assert.ThrowsAsync<PauzeException>(() => pauzering.PauzeerAsync(Regime.Wi2007, Doelgroep.Gezinsmigrant, "duo.beheer", "nog eens", default));
        await pauzering.HervatAsync(Regime.Wi2007, Doelgroep.Gezinsmigrant, "duo.uitvoering", "Onderzoek afgerond", default);

        var acties = new List<string>();
        await AuditWachtrij.VerwerkAsync(_db);
        await using (var cmd = _db.CreateCommand(
            "select concat_ws('|', soort, verwerkingsactiviteit, actor, rol, betrokkene is null, gegevens::text) from audit.regel where id > @vanaf order by id"))
        {
            cmd.Parameters.AddWithValue("vanaf", vanaf);
            await using var lezer = await cmd.ExecuteReaderAsync();
            while (await lezer.ReadAsync())
            {
                acties.Add(lezer.GetString(0));
            }
        }
        Assert.Equal(
        [
            """DuoActie|bepaling-pauzeren|duo.beheer|Duo|t|{"actie":"pauze","regime":"Wi2007","doelgroep":"Gezinsmigrant","reden":"Plaatsing onderzoeken"}""",
            """DuoActie|bepaling-hervatten|duo.uitvoering|Duo|t|{"actie":"hervat","regime":"Wi2007","doelgroep":"Gezinsmigrant","reden":"Onderzoek afgerond","verwerkt":"0"}""",
        ], acties);
    }

    [Fact]
    public async Task A_copy_of_the_audit_tables_names_nobody_while_a_search_by_bsn_finds_the_persons_history()
    {
        var zoeken = Zoeken(database, Klok());
        var getoond = new List<string>();
        for (var pagina = 0; ; pagina++)
        {
            var uitkomst = await zoeken.ZoekAsync(Klantmanager, new SignaalFilter(Regime.Wi2021) { PaginaGrootte = 10, Pagina = pagina });
            getoond.AddRange(uitkomst.Rijen.Select(r => r.Bsn));
            if (uitkomst.Rijen.Count < 10)
            {
                break;
            }
        }
        await zoeken.ZoekAsync(AnderKlantmanager, new SignaalFilter(Regime.Wi2021) { PaginaGrootte = 100 });
        await new AuditKeten(_db, TimeProvider.System).ControleerAsync("test");

        List<(string Bsn, string Naam)> personen;
        await using (var db = database.CreateContext())
        {
            personen = (await db.Personen.Select(p => new { p.Bsn, p.Naam }).ToListAsync()).Select(p => (p.Bsn, p.Naam)).ToList();
        }
        var kopie = new StringBuilder();
        foreach (var tabel in new[] { "audit.regel", "audit.anker", "audit.controle" })
        {
            kopie.AppendLine(await AuditTestdata.KopieAsync(_db, tabel));
        }
        var tekst = kopie.ToString();
        Assert.True(await AuditTestdata.ScalarAsync<long>(_db, "select count(distinct betrokkene) from audit.regel") >= 20);
        foreach (var (bsn, naam) in personen)
        {
            Assert.DoesNotContain(bsn, tekst, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(Encoding.ASCII.GetBytes(bsn)), tekst, StringComparison.OrdinalIgnoreCase);
            if (naam is { Length: > 4 })
            {
                Assert.DoesNotContain(naam, tekst, StringComparison.Ordinal);
            }
        }

        // The auditor types the BSN: the same keyed hash finds what both municipalities were shown.
        var iemand = getoond[^1];
        Assert.Contains(Convert.ToHexString(TestAudit.Log().Pseudoniem(iemand)), tekst, StringComparison.OrdinalIgnoreCase);
        var tijdlijn = new AuditTijdlijn(Factory(database), TestAudit.Log(), TimeProvider.System);
        var auditor = new PibGebruiker("fg.auditor", "Functionaris gegevensbescherming", Rol.Auditor, null);
        var gevonden = await tijdlijn.ZoekAsync(auditor, iemand, 0, 100, registreer: true);
        Assert.NotEmpty(gevonden.Regels);
        Assert.All(gevonden.Regels, r => Assert.Equal(AuditSoort.Verstrekking, r.Soort));
        Assert.Contains(gevonden.Regels, r => r is { Actor: "km.amsterdam", GemeenteCode: Eigen, GemeenteNaam: "Amsterdam" });
        Assert.Equal("signalenlijst Wi2021", gevonden.Regels[0].Gegevens["omschrijving"]);

        // The look-up itself is now in that person's history.
        var daarna = await tijdlijn.ZoekAsync(auditor, iemand, 0, 100, registreer: false);
        Assert.Equal(gevonden.Totaal + 1, daarna.Totaal);
        Assert.Equal(("fg.auditor", Verwerkingsactiviteiten.InzageAudit, "Zoeken"),
            (daarna.Regels[0].Actor, daarna.Regels[0].Verwerkingsactiviteit, daarna.Regels[0].Gegevens["kanaal"]));
    }
}
