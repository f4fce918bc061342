using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static DuoInburgering.Web.Tests.Audit.AuditTestdata;

namespace DuoInburgering.Web.Tests.Audit;

/// <summary>
/// Disclosures go through the queue <c>audit.wachtrij</c>: written in the read's own transaction, moved into the chain
/// by <c>audit.wachtrij_verwerken</c>. Nothing is lost or chained twice, a disclosure never waits for the append lock
/// that an import holds, a row the chain could not take is refused at the door, and the background job moves the queue
/// without any reader. Every test has its own database.
/// </summary>
public sealed class AuditWachtrijTests : EigenDatabase
{
    private static readonly PibGebruiker Klantmanager = new("km.test", "Klantmanager", Rol.Gemeente, GemeenteCode.Parse("GM0363"));
    private readonly FakeTimeProvider _klok = new(new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero));

    private Auditlog Log => TestAudit.Log(_klok);

    private async Task<long> InWachtrijAsync()
    {
        await using var cmd = Db.CreateCommand("select coalesce(sum(octet_length(betrokkenen) / 32), 0)::bigint from audit.wachtrij");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Straight from the table, without moving the queue first (AuditTestdata.ScalarAsync would).</summary>
    private async Task<long> InKetenAsync()
    {
        await using var cmd = Db.CreateCommand("select count(*) from audit.regel");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private Task RegistreerAsync(IEnumerable<string> bsns, string omschrijving = "lijst")
    {
        var db = Database.CreateContext();
        return RegistreerEnSluitAsync();

        async Task RegistreerEnSluitAsync()
        {
            await using (db)
            {
                await Verstrekkingen.RegistreerAsync(db, Log, Klantmanager, VerstrekkingKanaal.Scherm, omschrijving, bsns, _klok.GetUtcNow());
            }
        }
    }

    [Fact]
    public async Task A_disclosure_is_queued_in_its_own_transaction_and_moved_into_the_chain_once()
    {
        await RegistreerAsync([Bsn(1), Bsn(2), Bsn(3)]);
        await RegistreerAsync(Enumerable.Range(10, 12_500).Select(Bsn), "download");   // two queued rows of at most 10,000
        Assert.Equal(12_503L, await InWachtrijAsync());
        Assert.Equal(0L, await InKetenAsync());

        Assert.Equal(3L, await AuditWachtrij.VerwerkAsync(Db));
        Assert.Equal(0L, await InWachtrijAsync());
        Assert.Equal(12_503L, await InKetenAsync());
        Assert.Equal(0L, await AuditWachtrij.VerwerkAsync(Db));

        // In the order queued, every person's row with the event's fields, and the chain intact.
        var rijen = await AuditRijen.NaAsync(Database.ConnectionString);
        Assert.Equal(new[] { Bsn(1), Bsn(2), Bsn(3) }.Concat(Enumerable.Range(10, 12_500).Select(Bsn).Order(StringComparer.Ordinal))
            .Select(AuditRijen.Pseudoniem), rijen.Select(r => r.Betrokkene));
        Assert.Equal(Enumerable.Range(1, 12_503).Select(i => (long)i), rijen.Select(r => r.Id));
        Assert.All(rijen[..3], r => Assert.Equal(("lijst", "3", "km.test", "GM0363"), (r["omschrijving"], r["aantal"], r.Actor, r.Gemeente)));
        Assert.All(rijen[3..], r => Assert.Equal(("download", "12500"), (r["omschrijving"], r["aantal"])));
        Assert.Equal(12_503L, await ScalarAsync<long>(Db, "select count(*) from audit.regel where betrokkene_type = 'BSN'"));
        Assert.True((await new AuditKeten(Db, _klok).ControleerAsync("test")).Intact);
    }

    [Fact]
    public async Task A_rolled_back_read_leaves_nothing_queued_and_nothing_in_the_chain()
    {
        await using (var db = Database.CreateContext())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await Verstrekkingen.RegistreerAsync(db, Log, Klantmanager, VerstrekkingKanaal.Scherm, "lijst", [Bsn(1), Bsn(2)], _klok.GetUtcNow());
            await tx.RollbackAsync();
        }
        Assert.Equal(0L, await InWachtrijAsync());
        Assert.Equal(0L, await AuditWachtrij.VerwerkAsync(Db));
        Assert.Equal(0L, await InKetenAsync());
    }

    [Fact]
    public async Task A_disclosure_does_not_wait_for_the_append_lock_that_an_import_holds()
    {
        await using var import = await Db.OpenConnectionAsync();
        await using var importTx = await import.BeginTransactionAsync();
        // An import's audit append: the chain's lock, held until the import commits.
        await Log.SchrijfAsync(importTx, DuoActie().VoorBetrokkenen([Bsn(900)]));

        await using (var db = Database.CreateContext())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            // Any wait for a lock would fail this read at once, instead of letting it hang.
            await db.Database.ExecuteSqlRawAsync("set local lock_timeout = '500ms'");
            await Verstrekkingen.RegistreerAsync(db, Log, Klantmanager, VerstrekkingKanaal.Scherm, "lijst", [Bsn(1), Bsn(2)], _klok.GetUtcNow());
            await tx.CommitAsync();
        }
        Assert.Equal(2L, await InWachtrijAsync());

        // Moving the queue does wait for the import; once it commits, its row comes first, then the disclosure.
        var verwerken = Task.Run(() => AuditWachtrij.VerwerkAsync(Db));
        await importTx.CommitAsync();
        Assert.Equal(1L, await verwerken);
        var rijen = await AuditRijen.NaAsync(Database.ConnectionString);
        Assert.Equal([Bsn(900), Bsn(1), Bsn(2)], rijen.Select(r => Enumerable.Range(0, 1000).Select(Bsn).Single(b => r.Over(b))));
        Assert.True((await new AuditKeten(Db, _klok).ControleerAsync("test")).Intact);
    }

    [Fact]
    public async Task Two_movers_at_once_chain_every_queued_row_exactly_once()
    {
        for (var i = 0; i < 30; i++)
        {
            await RegistreerAsync([Bsn(3 * i), Bsn(3 * i + 1), Bsn(3 * i + 2)]);
        }
        var movers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var conn = await Db.OpenConnectionAsync();
            long n = 0;
            // Small steps, so the two take turns.
            await using var cmd = new NpgsqlCommand("select audit.wachtrij_verwerken(3)", conn);
            for (int stap; (stap = (int)(await cmd.ExecuteScalarAsync())!) > 0;)
            {
                n += stap;
            }
            return n;
        })));
        Assert.Equal(30L, movers.Sum());
        Assert.Equal(0L, await InWachtrijAsync());
        Assert.Equal(90L, await InKetenAsync());
        Assert.Equal(90L, await ScalarAsync<long>(Db, "select count(distinct betrokkene) from audit.regel"));
        Assert.True((await new AuditKeten(Db, _klok).ControleerAsync("test")).Intact);
    }

    [Theory]
    [InlineData("'\\x'::bytea")]                                 // nobody
    [InlineData("'\\x01'::bytea")]                               // not a keyed hash (32 bytes)
    [InlineData("decode(repeat('01', 32 + 31), 'hex')")]       // a person cut short
    [InlineData("decode(repeat('01', 32 * 10001), 'hex')")]    // more persons than one row may hold
    public async Task A_queued_disclosure_the_chain_could_not_take_is_refused_when_it_is_written(string betrokkenen)
    {
        var fout = await Assert.ThrowsAsync<PostgresException>(() => VoerUitAsync($"""
            insert into audit.wachtrij (tijdstip, soort, verwerkingsactiviteit, actor, rol, gemeente_code, trace_id, span_id, gegevens,
                                        kop, staart, betrokkenen)
            values (now(), 'Verstrekking', 'x', 'a', null, null, '\x00', '\x00', null, '\x00', '\x00', {betrokkenen})
            """));
        Assert.Equal(PostgresErrorCodes.CheckViolation, fout.SqlState);
        Assert.Equal(0L, await InWachtrijAsync());
    }

    [Fact]
    public async Task The_background_job_moves_the_queue_into_the_chain_without_any_reader()
    {
        await RegistreerAsync([Bsn(1), Bsn(2)]);
        var job = new AuditWachtrijJob(Db, AuditOpties.Demo with { }, NullLogger<AuditWachtrijJob>.Instance);
        await job.StartAsync(CancellationToken.None);
        try
        {
            // Polls the table as an observer; the job's interval is a second.
            for (var poging = 0; poging < 300 && await InKetenAsync() < 2; poging++)
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }
        Assert.Equal(2L, await InKetenAsync());
        Assert.Equal(0L, await InWachtrijAsync());
    }

    private async Task VoerUitAsync(string sql)
    {
        await using var cmd = Db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
