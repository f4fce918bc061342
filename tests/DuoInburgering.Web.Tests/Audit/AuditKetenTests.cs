using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static DuoInburgering.Web.Tests.Audit.AuditTestdata;

namespace DuoInburgering.Web.Tests.Audit;

/// <summary>
/// The chain on the real PostgreSQL: appends form one line, verify names the first broken row after an
/// alteration, a removal in the middle or at the end, and a purge keeps what remains verifiable.
/// Every test has its own database: tests here break chains on purpose.
/// </summary>
public sealed class AuditKetenTests : EigenDatabase
{
    private static readonly DateTimeOffset Nu = new(2024, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _klok = new(Nu);

    private Auditlog Log => TestAudit.Log(_klok);

    private AuditKeten Keten(int chunk = 50_000) => new(Db, _klok) { OpschoonChunk = chunk };

    private Task SchrijfAsync(int personen, int vanaf = 0, AuditRegel? regel = null) =>
        AuditTestdata.SchrijfAsync(Db, Log, (regel ?? Verstrekking()).VoorBetrokkenen(Enumerable.Range(vanaf, personen).Select(Bsn)));

    [Fact]
    public async Task Appends_form_one_chain_of_consecutive_rows_and_verify_reports_it_intact_with_the_count()
    {
        await SchrijfAsync(10);
        await AuditTestdata.SchrijfAsync(Db, Log, [DuoActie()]);
        await SchrijfAsync(5, vanaf: 3);

        var controle = await Keten().ControleerAsync("test");

        Assert.True(controle.Intact, controle.Melding);
        Assert.Equal(16, controle.Aantal);
        Assert.Null(controle.EersteFouteRegel);
        Assert.Equal("intact: 16 regels.", controle.Melding);
        Assert.Equal(16L, await ScalarAsync<long>(Db, "select max(id) from audit.regel"));
        Assert.Equal(16L, await ScalarAsync<long>(Db, "select count(distinct id) from audit.regel"));
        // The pause concerns a group, not a person: its row has no data subject.
        Assert.Equal(1L, await ScalarAsync<long>(Db, "select count(*) from audit.regel where betrokkene is null and soort = 'DuoActie'"));
        Assert.Equal(controle, (await Keten().LaatsteControleAsync())! with { Tijdstip = controle.Tijdstip });
    }

    [Fact]
    public async Task A_row_altered_as_the_owner_is_named_exactly_by_verify()
    {
        await SchrijfAsync(10);
        Assert.True((await Keten().ControleerAsync("test")).Intact);

        await AlsEigenaarAsync(Db, """update audit.regel set gegevens = '{"kanaal":"Download"}' where id = 6""");

        var controle = await Keten().ControleerAsync("test");
        Assert.False(controle.Intact);
        Assert.Equal(6, controle.EersteFouteRegel);
        Assert.Equal(5, controle.Aantal);
        Assert.StartsWith("verbroken bij regel 6: regel 6 is gewijzigd", controle.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_time_or_actor_or_hash_is_detected_in_the_row_itself()
    {
        await SchrijfAsync(6);
        await AlsEigenaarAsync(Db, "update audit.regel set tijdstip = tijdstip + interval '1 microsecond' where id = 2");
        Assert.Equal(2, (await Keten().ControleerAsync("test")).EersteFouteRegel);
    }

    [Fact]
    public async Task A_row_deleted_in_the_middle_is_detected_at_the_row_after_it()
    {
        await SchrijfAsync(10);
        await AlsEigenaarAsync(Db, "delete from audit.regel where id = 5");

        var controle = await Keten().ControleerAsync("test");
        Assert.False(controle.Intact);
        Assert.Equal(6, controle.EersteFouteRegel);
        Assert.Equal("verbroken bij regel 6: regel 6 volgt op regel 4: regel 5 ontbreekt.", controle.Melding);
    }

    [Fact]
    public async Task Rows_removed_from_the_end_after_a_check_are_detected_by_the_next_check()
    {
        await SchrijfAsync(10);
        Assert.True((await Keten().ControleerAsync("test")).Intact);
        await AlsEigenaarAsync(Db, "delete from audit.regel where id >= 9");

        var controle = await Keten().ControleerAsync("test");
        Assert.False(controle.Intact);
        Assert.Equal(9, controle.EersteFouteRegel);
        Assert.Contains("regel 9 tot en met 10 ontbreken", controle.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writers_still_make_one_unbroken_line()
    {
        var schrijvers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var t = 0; t < 10; t++)
            {
                await SchrijfAsync(3, vanaf: w * 100 + t * 3);
            }
        }));
        await Task.WhenAll(schrijvers);

        var controle = await Keten().ControleerAsync("test");
        Assert.True(controle.Intact, controle.Melding);
        Assert.Equal(240, controle.Aantal);
    }

    [Fact]
    public async Task A_rolled_back_append_leaves_no_row_and_the_next_append_continues_the_chain()
    {
        await using (var conn = await Db.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await Log.SchrijfAsync(tx, Verstrekking().VoorBetrokkenen([Bsn(1), Bsn(2)]));
            await tx.RollbackAsync();
        }
        Assert.Equal(0L, await ScalarAsync<long>(Db, "select count(*) from audit.regel"));

        await SchrijfAsync(2);
        Assert.Equal(new long[] { 1, 2 }, await IdsAsync());
        Assert.True((await Keten().ControleerAsync("test")).Intact);
    }

    [Fact]
    public async Task A_batch_of_ten_thousand_persons_is_one_append_of_ten_thousand_rows()
    {
        await SchrijfAsync(10_000);
        var controle = await Keten().ControleerAsync("test");
        Assert.True(controle.Intact, controle.Melding);
        Assert.Equal(10_000, controle.Aantal);
    }

    [Fact]
    public async Task A_bsn_in_the_payload_is_masked_and_an_empty_bsn_is_refused()
    {
        var bsn = Bsn(7);
        await AuditTestdata.SchrijfAsync(Db, Log, [DuoActie() with
        {
            Gegevens = new Dictionary<string, string?> { ["reden"] = $"Plaatsing van {bsn} onderzoeken", ["bericht"] = "1234567890" },
        }]);
        var gegevens = await ScalarAsync<string>(Db, "select gegevens::text from audit.regel");
        Assert.DoesNotContain(bsn, gegevens, StringComparison.Ordinal);
        Assert.Contains("Plaatsing van ********* onderzoeken", gegevens, StringComparison.Ordinal);
        Assert.Contains("1234567890", gegevens, StringComparison.Ordinal);

        await Assert.ThrowsAsync<ArgumentException>(() => AuditTestdata.SchrijfAsync(Db, Log, [Verstrekking() with { Bsn = " " }]));
        Assert.Equal(1L, await ScalarAsync<long>(Db, "select count(*) from audit.regel"));

        // A stored number that fails the elfproef was still shown: it is recorded like any other.
        await AuditTestdata.SchrijfAsync(Db, Log, [Verstrekking() with { Bsn = "000000001" }]);
        Assert.Equal(2L, await ScalarAsync<long>(Db, "select count(*) from audit.regel where betrokkene is not null or soort = 'DuoActie'"));
    }

    [Fact]
    public async Task A_context_without_a_transaction_is_refused_rather_than_writing_rows_that_belong_to_nothing()
    {
        await using var db = Database.CreateContext();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Log.SchrijfAsync(db, Verstrekking().VoorBetrokkenen([Bsn(1)])));
        Assert.Equal(0L, await ScalarAsync<long>(Db, "select count(*) from audit.regel"));
    }

    [Fact]
    public async Task Purge_removes_expired_rows_from_the_start_only_then_verify_is_intact_and_later_tampering_is_still_detected()
    {
        var oud = new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero);
        await SchrijfAsync(10, regel: Verstrekking(tijdstip: oud));                        // 1..10
        await AuditTestdata.SchrijfAsync(Db, Log, [DuoActie(oud.AddDays(1))]);             // 11: no retention for DUO actions
        await SchrijfAsync(10, vanaf: 10, regel: Verstrekking(tijdstip: oud.AddDays(2)));  // 12..21
        await SchrijfAsync(5, vanaf: 20);                                                  // 22..26, now
        Assert.True((await Keten().ControleerAsync("test")).Intact);

        // Chunks of 4 rows: the anchor moves forward chunk by chunk, each purge its own transaction.
        var verstrekking = new Dictionary<AuditSoort, int> { [AuditSoort.Verstrekking] = 365 };
        var eerste = await Keten(chunk: 4).OpschonenAsync(verstrekking);
        Assert.Equal(new AuditOpschoning(10, 10), eerste);
        Assert.Equal(11L, await ScalarAsync<long>(Db, "select min(id) from audit.regel"));
        var controle = await Keten().ControleerAsync("test");
        Assert.True(controle.Intact, controle.Melding);
        Assert.Equal(16, controle.Aantal);
        Assert.Equal("intact: 16 regels na het anker tot en met regel 10.", controle.Melding);

        // With a retention for DUO actions too, the purge goes on to the first row within its term.
        var beide = new Dictionary<AuditSoort, int> { [AuditSoort.Verstrekking] = 365, [AuditSoort.DuoActie] = 365 };
        Assert.Equal(new AuditOpschoning(11, 21), await Keten().OpschonenAsync(beide));
        Assert.Equal(new AuditOpschoning(0, null), await Keten().OpschonenAsync(beide));
        Assert.Equal(21, (await Keten().LaatsteAnkerAsync())!.TotEnMet);
        Assert.True((await Keten().ControleerAsync("test")).Intact);

        await AlsEigenaarAsync(Db, "update audit.regel set actor = 'iemand anders' where id = 24");
        var na = await Keten().ControleerAsync("test");
        Assert.False(na.Intact);
        Assert.Equal(24, na.EersteFouteRegel);

        // Removing the first remaining row is seen against the anchor.
        await AlsEigenaarAsync(Db, "update audit.regel set actor = 'km.test' where id = 24; delete from audit.regel where id = 22");
        Assert.Equal(23, (await Keten().ControleerAsync("test")).EersteFouteRegel);
    }

    [Fact]
    public async Task After_purging_every_row_the_next_append_continues_from_the_anchor()
    {
        await SchrijfAsync(5, regel: Verstrekking(tijdstip: new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var termijn = new Dictionary<AuditSoort, int> { [AuditSoort.Verstrekking] = 30 };
        Assert.Equal(new AuditOpschoning(5, 5), await Keten().OpschonenAsync(termijn));
        Assert.True((await Keten().ControleerAsync("test")).Intact);

        await SchrijfAsync(3);
        Assert.Equal(new long[] { 6, 7, 8 }, await IdsAsync());
        var controle = await Keten().ControleerAsync("test");
        Assert.True(controle.Intact, controle.Melding);
        Assert.Equal(3, controle.Aantal);
    }

    [Fact]
    public async Task Purge_refuses_a_retention_under_one_day_even_when_called_directly()
    {
        await SchrijfAsync(3, regel: Verstrekking(tijdstip: new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        await using var cmd = Db.CreateCommand("select * from audit.opschonen(array['Verstrekking'], array[interval '1 hour'], now(), 100)");
        var fout = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Contains("minstens een dag", fout.MessageText, StringComparison.Ordinal);
        Assert.Equal(3L, await ScalarAsync<long>(Db, "select count(*) from audit.regel"));
    }

    private async Task<long[]> IdsAsync()
    {
        var ids = new List<long>();
        await using var cmd = Db.CreateCommand("select id from audit.regel order by id");
        await using var lezer = await cmd.ExecuteReaderAsync();
        while (await lezer.ReadAsync())
        {
            ids.Add(lezer.GetInt64(0));
        }
        return [.. ids];
    }
}
