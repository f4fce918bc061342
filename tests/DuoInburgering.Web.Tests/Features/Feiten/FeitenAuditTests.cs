using DuoInburgering.Web.Features.Feiten;
using DuoInburgering.Web.Tests.Audit;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Feiten;

/// <summary>
/// Issue 6: facts coming in (import and single message) leave, in their own transaction, one audit entry per
/// message stored, per derivation and per signal, to the row contract the breach report reads.
/// </summary>
public sealed class FeitenAuditTests : IClassFixture<TestDatabase>, IDisposable
{
    private static readonly DateTimeOffset Moment = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly FakeTimeProvider Klok = new(Moment);

    private readonly TestDatabase _database;
    private readonly PibWebFactory _basis;
    private readonly WebApplicationFactory<Program> _factory;

    public FeitenAuditTests(TestDatabase database)
    {
        _database = database;
        _basis = new PibWebFactory(database);
        _factory = _basis.WithWebHostBuilder(b =>
        {
            b.UseSetting("Deadlines:Ingeschakeld", "false");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Moment)));
        });
    }

    public void Dispose() => _basis.Dispose();

    private static Task<ImportRapport> ImportAsync(LegeDatabase db, FeitBron bron, string pad) =>
        FeitenImport.ImportAsync(db.DataSource, bron, pad, Klok, TestAudit.Log(Klok), CancellationToken.None);

    /// <summary>(bericht_id, bsn) of every line of a generated file: the first two columns of each source.</summary>
    private static List<(string BerichtId, string Bsn)> Berichten(string pad) =>
        [.. File.ReadLines(pad).Skip(1).Where(r => r.Length > 0).Select(r => r.Split(',')).Select(v => (v[0], v[1]))];

    [Fact]
    public async Task An_import_records_each_message_stored_each_derivation_and_each_signal_and_the_chain_still_verifies()
    {
        await using var db = await LegeDatabase.MaakAsync();
        using var bestanden = FeitenBestanden.Cohort();
        var cs = db.ConnectionString;

        var rapporten = new Dictionary<FeitBron, ImportRapport>();
        foreach (var bron in new[] { FeitBron.Coa, FeitBron.Brp, FeitBron.Ind })
        {
            rapporten[bron] = await ImportAsync(db, bron, bestanden.Pad(bron));
        }
        var rijen = await AuditRijen.NaAsync(cs);

        // Every message stored: actor and bron the source, its message id and import run, about its person.
        var feiten = rijen.Where(r => r.Soort == "FeitOntvangen").ToList();
        var verwacht = new[] { FeitBron.Coa, FeitBron.Brp, FeitBron.Ind }
            .SelectMany(b => Berichten(bestanden.Pad(b)).Select(m =>
                (b.Code(), m.BerichtId, rapporten[b].ImportId.ToString(CultureInfo.InvariantCulture), AuditRijen.Pseudoniem(m.Bsn))))
            .OrderBy(x => x.BerichtId, StringComparer.Ordinal).ToList();
        Assert.Equal(33, verwacht.Count);
        Assert.Equal(verwacht, feiten.Select(r => (r.Actor, r["bericht_id"]!, r["import_id"]!, r.Betrokkene!))
            .OrderBy(x => x.Item2, StringComparer.Ordinal).ToList());
        Assert.All(feiten, r =>
        {
            Assert.Equal(("feit-ontvangen", "Bron", r.Actor, "bron,bericht_id,import_id", (string?)null),
                (r.Activiteit, r.Rol, r["bron"], r.Sleutels, r.Gemeente));
            Assert.Equal(Moment, r.Tijdstip);
        });

        // Every derivation: what the person row says, with the responsible municipality.
        var personen = await FeitenDb.RijenAsync(cs,
            "select bsn, gemeente_code, rule_set_versie, uitkomst, status, doelgroep, reden, koppeling_reden from persoon order by bsn");
        var bepalingen = rijen.Where(r => r.Soort == "Bepaling").ToList();
        Assert.Equal(13, bepalingen.Count);
        foreach (var p in personen)
        {
            var b = Assert.Single(bepalingen, r => r.Over(p[0]));
            Assert.Equal(("regime-bepalen", "systeem", "Systeem", "regelset,regime,status,doelgroep,toelichting,koppeling"),
                (b.Activiteit, b.Actor, b.Rol, b.Sleutels));
            Assert.Equal(p[1..], new[] { b.Gemeente, b["regelset"], b["regime"], b["status"], b["doelgroep"], b["toelichting"], b["koppeling"] }
                .Select(w => w ?? "∅"));
        }

        // Every signal: to the municipality it went to, with code, environment, date and its id.
        var signalen = await FeitenDb.RijenAsync(cs, "select id, bsn, code, regime, to_char(datum, 'YYYY-MM-DD'), gemeente_code from signaal order by id");
        Assert.NotEmpty(signalen);
        var verzonden = rijen.Where(r => r.Soort == "SignaalVerzonden").OrderBy(r => long.Parse(r["signaal_id"]!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(signalen.Select(s => (s[0], AuditRijen.Pseudoniem(s[1]), s[2], s[3], s[4], s[5])),
            verzonden.Select(r => (r["signaal_id"]!, r.Betrokkene!, r["code"]!, r["regime"]!, r["datum"]!, r.Gemeente!)));
        Assert.All(verzonden, r => Assert.Equal(("signaal-versturen", "systeem", "Systeem", "code,regime,datum,signaal_id"),
            (r.Activiteit, r.Actor, r.Rol, r.Sleutels)));

        // Each of the three files: who started it, a DUO action about no person (issue 17 item 12).
        var gestart = rijen.Where(r => r.Soort == "DuoActie").ToList();
        Assert.Equal(3, gestart.Count);
        Assert.All(gestart, r => Assert.Equal(("import-starten", "systeem", (string?)null), (r.Activiteit, r.Actor, r.Betrokkene)));
        Assert.Equal(33 + 13 + signalen.Count + 3, rijen.Count);
        var namen = await FeitenDb.RijenAsync(cs, "select naam from persoon");
        var gegevens = string.Join("\n", rijen.SelectMany(r => r.Gegevens.Values));
        Assert.All(namen, n => Assert.DoesNotContain(n[0], gegevens, StringComparison.Ordinal));
        Assert.True(await AuditRijen.KetenIntactAsync(cs));

        // The same file again stores nothing, so it records nothing.
        var laatste = await AuditRijen.LaatsteIdAsync(cs);
        Assert.NotNull((await ImportAsync(db, FeitBron.Ind, bestanden.Pad(FeitBron.Ind))).EerderGeimporteerd);
        Assert.Equal(laatste, await AuditRijen.LaatsteIdAsync(cs));
    }

    [Fact]
    public async Task A_message_id_received_before_gets_no_entry_while_the_new_lines_of_the_same_file_do()
    {
        await using var db = await LegeDatabase.MaakAsync();
        using var bestanden = FeitenBestanden.Cohort();
        await ImportAsync(db, FeitBron.Brp, bestanden.Pad(FeitBron.Brp));
        var cs = db.ConnectionString;
        var laatste = await AuditRijen.LaatsteIdAsync(cs);
        var oud = File.ReadLines(bestanden.Pad(FeitBron.Brp)).ElementAt(1);
        var nieuw = "BRP-NIEUW-1," + string.Join(',', oud.Split(',')[1..]);
        var pad = bestanden.Schrijf("brp-herhaling.csv", SynthetischePopulatie.BrpKop, oud, nieuw);

        var rapport = await ImportAsync(db, FeitBron.Brp, pad);

        Assert.Equal((1, 1), (rapport.Verwerkt, rapport.Dubbel));
        var feit = Assert.Single(await AuditRijen.NaAsync(cs, laatste), r => r.Soort == "FeitOntvangen");
        Assert.Equal(("BRP-NIEUW-1", rapport.ImportId.ToString(CultureInfo.InvariantCulture)), (feit["bericht_id"], feit["import_id"]));
    }

    [Fact]
    public async Task An_import_that_fails_at_its_commit_leaves_no_audit_rows_and_the_next_import_continues_the_chain()
    {
        await using var db = await LegeDatabase.MaakAsync();
        using var bestanden = FeitenBestanden.Cohort();
        await ImportAsync(db, FeitBron.Coa, bestanden.Pad(FeitBron.Coa));
        var cs = db.ConnectionString;
        var laatste = await AuditRijen.LaatsteIdAsync(cs);
        Assert.Equal(8 + 1, laatste); // 8 messages and who started the import (issue 17 item 12)
        // Checked at commit, after everything, the audit rows included, was written in the transaction.
        await db.VoerUitAsync("""
            create function weiger() returns trigger language plpgsql as $$
            begin raise exception 'test: commit geweigerd'; end $$;
            create constraint trigger weiger after update on import_run deferrable initially deferred
                for each row execute function weiger();
            """);

        var fout = await Assert.ThrowsAsync<PostgresException>(() => ImportAsync(db, FeitBron.Brp, bestanden.Pad(FeitBron.Brp)));

        Assert.Equal("test: commit geweigerd", fout.MessageText);
        Assert.Equal(laatste, await AuditRijen.LaatsteIdAsync(cs));
        Assert.Equal(0L, await FeitenDb.ScalarAsync<long>(cs, "select count(*) from brp_feit"));
        await db.VoerUitAsync("drop trigger weiger on import_run; drop function weiger();");
        await ImportAsync(db, FeitBron.Brp, bestanden.Pad(FeitBron.Brp));
        Assert.Equal(laatste + 12 + 1, await AuditRijen.LaatsteIdAsync(cs));
        Assert.True(await AuditRijen.KetenIntactAsync(cs));
    }

    private async Task<HttpResponseMessage> PostAsync(string bron, object bericht, string sleutel)
    {
        var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/feiten/{bron}")
        {
            Content = new StringContent(JsonSerializer.Serialize(bericht), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(FeitenEndpoints.SleutelHeader, sleutel);
        return await client.SendAsync(request);
    }

    private static Dictionary<string, string?> Ind(string berichtId, string bsn, string naam) => new()
    {
        ["bericht_id"] = berichtId, ["bsn"] = bsn, ["v_nummer"] = null, ["naam"] = naam,
        ["geboortedatum"] = "1991-04-04", ["nationaliteit"] = "ERI", ["verblijfsdoel"] = "gezinshereniging",
        ["datum_ingang_verblijfsrecht"] = "2022-02-01", ["datum_beschikking"] = "2022-02-20",
        ["datum_bekendmaking_beschikking"] = null, ["datum_uitreiking_document"] = "2022-03-01",
        ["datum_kennisgeving"] = "2022-03-10", ["datum_intrekking"] = null,
    };

    [Fact]
    public async Task A_single_message_records_its_fact_derivation_and_signals_a_repeat_or_a_rejected_message_records_nothing()
    {
        var cs = _database.ConnectionString;
        const string bsn = "999990184";
        var brp = await PostAsync("brp", new
        {
            bericht_id = "AUD-BRP-1", bsn, gemeente = "GM0344", adres_is_coa_locatie = "false", datum_vestiging = "2022-03-02",
        }, PibWebFactory.BrpSleutel);
        Assert.Equal(HttpStatusCode.Accepted, brp.StatusCode);
        var laatste = await AuditRijen.LaatsteIdAsync(cs);

        var ind = await PostAsync("ind", Ind("AUD-IND-1", bsn, "Selam Haile"), PibWebFactory.IndSleutel);

        Assert.Equal(HttpStatusCode.Accepted, ind.StatusCode);
        var rijen = await AuditRijen.NaAsync(cs, laatste);
        Assert.All(rijen, r => Assert.True(r.Over(bsn)));
        Assert.Equal(["FeitOntvangen", "Bepaling"], rijen.Select(r => r.Soort).Take(2));
        var feit = rijen[0];
        Assert.Equal(("IND", "Bron", "IND", "AUD-IND-1", "bron,bericht_id"), (feit.Actor, feit.Rol, feit["bron"], feit["bericht_id"], feit.Sleutels));
        var bepaling = rijen[1];
        Assert.Equal(("GM0344", "Wi2021", "Bepaald", "Gezinsmigrant"), (bepaling.Gemeente, bepaling["regime"], bepaling["status"], bepaling["doelgroep"]));
        Assert.Equal(await FeitenDb.ScalarAsync<string>(cs, "select reden from persoon where bsn = @b", ("b", bsn)), bepaling["toelichting"]);
        var signalen = await FeitenDb.RijenAsync(cs, "select id, code from signaal where bsn = @b order by id", ("b", bsn));
        Assert.NotEmpty(signalen);
        Assert.Equal(signalen.Select(s => (s[0], s[1], "GM0344", "Wi2021")),
            rijen.Skip(2).Select(r => (r["signaal_id"]!, r["code"]!, r.Gemeente!, r["regime"]!)));
        Assert.DoesNotContain("Selam", string.Join(",", rijen.SelectMany(r => r.Gegevens.Values)), StringComparison.Ordinal);

        // The same message id again, and a message that fails validation: nothing stored, nothing recorded.
        laatste = await AuditRijen.LaatsteIdAsync(cs);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync("ind", Ind("AUD-IND-1", bsn, "Iemand Anders"), PibWebFactory.IndSleutel)).StatusCode);
        var fout = Ind("AUD-IND-2", bsn, "Selam Haile");
        fout["geboortedatum"] = "1991-02-30";
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("ind", fout, PibWebFactory.IndSleutel)).StatusCode);
        Assert.Equal(laatste, await AuditRijen.LaatsteIdAsync(cs));
    }
}
