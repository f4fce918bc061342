using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static DuoInburgering.Web.Tests.Audit.AuditTestdata;

namespace DuoInburgering.Web.Tests.Audit;

/// <summary>
/// The two ways an append reaches <c>audit.regel</c>: a few rows in one statement (<c>audit.toevoegen</c>, chained on
/// the server) and many by binary COPY (chained in the portal). Whichever way, the same entry is stored as the same
/// columns, rows keep the order they were given, and verify-audit sees one unbroken chain; also with text outside
/// ASCII, a row without a person and a payload larger than a COPY block. Every test has its own database.
/// </summary>
public sealed class AuditSchrijfwegenTests : EigenDatabase
{
    /// <summary>More than <c>Auditlog.OpServerTot</c> (256): these go by COPY.</summary>
    private const int Veel = 600;

    private readonly FakeTimeProvider _klok = new(new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero));

    private Auditlog Log => TestAudit.Log(_klok);

    private static IEnumerable<string> Bsns(int van, int aantal) => Enumerable.Range(van, aantal).Select(Bsn);

    [Fact]
    public async Task A_few_rows_and_many_rows_of_the_same_event_store_the_same_columns_in_one_chain()
    {
        // A time with ten-millionths: stored, and hashed, as whole microseconds.
        var tijd = new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        var regel = Verstrekking(tijdstip: tijd);
        await SchrijfAsync(Db, Log, regel.VoorBetrokkenen(Bsns(0, 3)));        // 1..3, one statement
        await SchrijfAsync(Db, Log, regel.VoorBetrokkenen(Bsns(0, Veel)));     // 4..603, COPY
        await SchrijfAsync(Db, Log, regel.VoorBetrokkenen(Bsns(3, 2)));        // 604..605, one statement

        var controle = await new AuditKeten(Db, _klok).ControleerAsync("test");
        Assert.True(controle.Intact, controle.Melding);
        Assert.Equal(605, controle.Aantal);

        // The person of row 1 and of row 4 is the same, and so is everything stored about the event.
        Assert.Equal(1L, await ScalarAsync<long>(Db, """
            select count(distinct (tijdstip, soort, verwerkingsactiviteit, betrokkene, betrokkene_type, actor, rol, gemeente_code, gegevens::text))
            from audit.regel where id in (1, 4)
            """));
        Assert.Equal(Log.Pseudoniem(Bsn(0)), await ScalarAsync<byte[]>(Db, "select betrokkene from audit.regel where id = 4"));
        Assert.Equal(Log.Pseudoniem(Bsn(599)), await ScalarAsync<byte[]>(Db, "select betrokkene from audit.regel where id = 603"));
        Assert.Equal("BSN", await ScalarAsync<string>(Db, "select betrokkene_type from audit.regel where id = 603"));
        Assert.Equal("""{"kanaal":"Scherm","omschrijving":"signalenlijst Wi2021"}""",
            await ScalarAsync<string>(Db, "select gegevens::text from audit.regel where id = 603"));
        Assert.Equal(tijd.AddTicks(-7).UtcDateTime, await ScalarAsync<DateTime>(Db, "select tijdstip from audit.regel where id = 603"));
        Assert.Equal(tijd.AddTicks(-7).UtcDateTime, await ScalarAsync<DateTime>(Db, "select tijdstip from audit.regel where id = 2"));
        // One trace per call (there is no caller's trace here), the same on every row of that call.
        Assert.Equal(3L, await ScalarAsync<long>(Db, "select count(distinct trace_id) from audit.regel"));
    }

    [Fact]
    public async Task Rows_of_different_events_keep_their_order_and_exact_content_whichever_way_they_go()
    {
        var groot = new string('x', 70_000);
        List<AuditRegel> Mengsel(int personen) =>
        [
            .. Verstrekking().VoorBetrokkenen(Bsns(0, personen)),
            DuoActie() with { Gegevens = new Dictionary<string, string?> { ["reden"] = "IJsselmeer – café ☕ 🙂", ["leeg"] = null } },
            Verstrekking("GM0599") with { Bsn = Bsn(1000), Rol = null, Gegevens = new Dictionary<string, string?> { ["omschrijving"] = groot } },
            .. Verstrekking("GM0518").VoorBetrokkenen(Bsns(2000, personen)),
        ];
        var weinig = Mengsel(2);
        var veel = Mengsel(Veel / 2);
        await SchrijfAsync(Db, Log, weinig);
        await SchrijfAsync(Db, Log, veel);

        var controle = await new AuditKeten(Db, _klok).ControleerAsync("test");
        Assert.True(controle.Intact, controle.Melding);
        Assert.Equal(weinig.Count + veel.Count, controle.Aantal);

        foreach (var (eerste, lijst) in new[] { (1L, weinig), (weinig.Count + 1L, veel) })
        {
            var opgeslagen = await RijenAsync(eerste, lijst.Count);
            Assert.Equal(lijst.Select(r => (r.Soort.ToString(), r.GemeenteCode, r.Rol)), opgeslagen.Select(r => (r.Soort, r.Gemeente, r.Rol)));
            Assert.Equal(lijst.Select(r => r.Bsn is null ? null : Convert.ToHexString(Log.Pseudoniem(r.Bsn))),
                opgeslagen.Select(r => r.Betrokkene is null ? null : Convert.ToHexString(r.Betrokkene)));
            var actie = opgeslagen.Single(r => r.Soort == nameof(AuditSoort.DuoActie));
            Assert.Null(actie.Type);
            Assert.Contains("IJsselmeer – café ☕", actie.Gegevens, StringComparison.Ordinal);
            Assert.EndsWith("\"leeg\":null}", actie.Gegevens, StringComparison.Ordinal);
            Assert.Equal($$"""{"omschrijving":"{{groot}}"}""", opgeslagen.Single(r => r.Gemeente == "GM0599").Gegevens);
        }
    }

    [Fact]
    public async Task An_append_larger_than_the_parts_it_is_prepared_in_is_still_one_unbroken_run_of_rows()
    {
        // Prepared 32,768 rows at a time; 70,000 takes three parts, written by one COPY.
        await SchrijfAsync(Db, Log, [DuoActie(), .. Verstrekking().VoorBetrokkenen(Bsns(0, 70_000))]);

        var controle = await new AuditKeten(Db, _klok).ControleerAsync("test");
        Assert.True(controle.Intact, controle.Melding);
        Assert.Equal(70_001, controle.Aantal);
        Assert.Equal(Log.Pseudoniem(Bsn(32_767)), await ScalarAsync<byte[]>(Db, "select betrokkene from audit.regel where id = 32769"));
        Assert.Equal(Log.Pseudoniem(Bsn(69_999)), await ScalarAsync<byte[]>(Db, "select betrokkene from audit.regel where id = 70001"));
        Assert.Equal(1L, await ScalarAsync<long>(Db, "select count(distinct trace_id) from audit.regel"));
    }

    [Fact]
    public async Task A_municipal_session_appends_a_few_rows_and_many_rows_in_one_transaction()
    {
        await using (var conn = await Db.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await using (var rol = new NpgsqlCommand($"set local role {GemeenteSessie.DatabaseRol}", conn, tx))
            {
                await rol.ExecuteNonQueryAsync();
            }
            await Log.SchrijfAsync(tx, Verstrekking().VoorBetrokkenen(Bsns(0, 5)));
            await Log.SchrijfAsync(tx, Verstrekking().VoorBetrokkenen(Bsns(5, Veel)));
            await tx.CommitAsync();
        }

        var controle = await new AuditKeten(Db, _klok).ControleerAsync("test");
        Assert.True(controle.Intact, controle.Melding);
        Assert.Equal(5 + Veel, controle.Aantal);
    }

    [Fact]
    public async Task A_rolled_back_copy_leaves_no_row_and_the_next_append_continues_the_chain()
    {
        await using (var conn = await Db.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await Log.SchrijfAsync(tx, Verstrekking().VoorBetrokkenen(Bsns(0, Veel)));
            await tx.RollbackAsync();
        }
        Assert.Equal(0L, await ScalarAsync<long>(Db, "select count(*) from audit.regel"));

        await SchrijfAsync(Db, Log, Verstrekking().VoorBetrokkenen(Bsns(0, 2)));
        await SchrijfAsync(Db, Log, Verstrekking().VoorBetrokkenen(Bsns(0, Veel)));
        Assert.Equal(2L + Veel, await ScalarAsync<long>(Db, "select max(id) from audit.regel"));
        Assert.True((await new AuditKeten(Db, _klok).ControleerAsync("test")).Intact);
    }

    [Fact]
    public async Task A_disclosure_writes_one_audit_row_per_person_in_the_callers_transaction_and_saves_what_the_caller_left()
    {
        var gebruiker = new PibGebruiker("km.test", "Klantmanager", Rol.Gemeente, GemeenteCode.Parse("GM0363"));
        var tijd = new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero);
        await using (var db = Database.CreateContext())
        {
            // No transaction on the context: the disclosure opens and commits its own.
            await Verstrekkingen.RegistreerAsync(db, Log, gebruiker, VerstrekkingKanaal.Scherm, "lijst", [Bsn(2), Bsn(1), Bsn(2)], tijd);

            await using var tx = await db.Database.BeginTransactionAsync();
            // Left unsaved by the caller: saved with the disclosure, in the same transaction, before its SQL.
            db.Gemeenten.Add(new Gemeente { Code = "GM9999", Naam = "door de aanroeper" });
            await Verstrekkingen.RegistreerAsync(db, Log, gebruiker, VerstrekkingKanaal.Download, "download csv Wi2021", Bsns(100, Veel), tijd);
            await tx.CommitAsync();
        }

        await using (var db = Database.CreateContext())
        {
            Assert.Equal("door de aanroeper", (await db.Gemeenten.SingleAsync(g => g.Code == "GM9999")).Naam);
        }
        var vastgelegd = await AuditRijen.VerstrekkingenAsync(Database.ConnectionString);
        Assert.Equal(["lijst", "download csv Wi2021"], vastgelegd.Select(v => v.Omschrijving));
        Assert.Equal(AuditRijen.Pseudoniemen([Bsn(1), Bsn(2)]), vastgelegd[0].Betrokkenen);
        Assert.Equal((VerstrekkingKanaal.Scherm, "km.test", "Gemeente", "GM0363", tijd, 2),
            (vastgelegd[0].Kanaal, vastgelegd[0].Gebruiker, vastgelegd[0].Rol, vastgelegd[0].Gemeente, vastgelegd[0].Tijdstip, vastgelegd[0].Aantal));
        Assert.Equal(AuditRijen.Pseudoniemen(Bsns(100, Veel)), vastgelegd[1].Betrokkenen);
        Assert.Equal((VerstrekkingKanaal.Download, Veel), (vastgelegd[1].Kanaal, vastgelegd[1].Aantal));
        Assert.Equal(2L + Veel, await ScalarAsync<long>(Db, "select count(*) from audit.regel where soort = 'Verstrekking' and gemeente_code = 'GM0363'"));
        // Every row of the download names how many persons it disclosed.
        Assert.Equal((long)Veel, await ScalarAsync<long>(Db, $"select count(*) from audit.regel where gegevens::text like '%\"aantal\":\"{Veel}\"%'"));
        Assert.True((await new AuditKeten(Db, _klok).ControleerAsync("test")).Intact);
    }

    private sealed record Opgeslagen(long Id, string Soort, byte[]? Betrokkene, string? Type, string? Rol, string? Gemeente, string? Gegevens);

    private async Task<List<Opgeslagen>> RijenAsync(long vanaf, int aantal)
    {
        var rijen = new List<Opgeslagen>();
        await AuditWachtrij.VerwerkAsync(Db);
        await using var cmd = Db.CreateCommand(
            "select id, soort, betrokkene, betrokkene_type, rol, gemeente_code, gegevens::text from audit.regel where id >= $1 order by id limit $2");
        cmd.Parameters.AddWithValue(vanaf);
        cmd.Parameters.AddWithValue(aantal);
        await using var lezer = await cmd.ExecuteReaderAsync();
        while (await lezer.ReadAsync())
        {
            rijen.Add(new Opgeslagen(lezer.GetInt64(0), lezer.GetString(1), lezer.IsDBNull(2) ? null : lezer.GetFieldValue<byte[]>(2),
                lezer.IsDBNull(3) ? null : lezer.GetString(3), lezer.IsDBNull(4) ? null : lezer.GetString(4),
                lezer.IsDBNull(5) ? null : lezer.GetString(5), lezer.IsDBNull(6) ? null : lezer.GetString(6)));
        }
        return rijen;
    }
}
