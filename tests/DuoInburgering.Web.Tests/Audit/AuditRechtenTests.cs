using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static DuoInburgering.Web.Tests.Audit.AuditTestdata;

namespace DuoInburgering.Web.Tests.Audit;

/// <summary>
/// The portal's database role as in production: a login without superuser rights that owns the database and
/// runs the migrations itself (the tests' own connection is a superuser, for whom no privilege counts). After
/// migrating it may append and read the audit log, nothing more; a municipal session may only append.
/// </summary>
public sealed class AuditRechtenTests : IAsyncLifetime
{
    private const string Wachtwoord = "pib-test";
    private readonly string _rol = "pib_app_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _database = "t_app_" + Guid.NewGuid().ToString("N")[..16];
    private string _beheer = "";
    private NpgsqlDataSource _app = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        _beheer = server.ConnectionString("postgres");
        await VoerUitAlsBeheerAsync($"create role {_rol} login createrole password '{Wachtwoord}'");
        await VoerUitAlsBeheerAsync($"create database {_database} owner {_rol}");
        var app = new NpgsqlConnectionStringBuilder(_beheer) { Database = _database, Username = _rol, Password = Wachtwoord }.ConnectionString;
        await using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(app).Options))
        {
            await db.Database.MigrateAsync();
        }
        _app = NpgsqlDataSource.Create(app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await VoerUitAlsBeheerAsync($"drop database if exists {_database} with (force)");
        await VoerUitAlsBeheerAsync($"drop role if exists {_rol}");
    }

    [Fact]
    public async Task The_portals_own_role_appends_and_reads_but_cannot_change_or_remove_an_audit_row()
    {
        Assert.False(await ScalarAsync<bool>(_app, "select rolsuper from pg_roles where rolname = current_user"));
        await AuditTestdata.SchrijfAsync(_app, TestAudit.Log(), Verstrekking().VoorBetrokkenen([Bsn(1), Bsn(2), Bsn(3)]));
        Assert.Equal(3L, await ScalarAsync<long>(_app, "select count(*) from audit.regel"));

        foreach (var sql in new[]
        {
            "update audit.regel set actor = 'iemand anders' where id = 2",
            "delete from audit.regel where id = 2",
            "truncate audit.regel",
            "drop table audit.regel",
            "alter table audit.regel add column notitie text",
            "set role pib_audit",
            "update audit.controle set intact = true",
            "delete from audit.anker",
            "insert into audit.anker (tot_en_met, hash, aantal, opgeschoond_op, bewaartermijnen) values (3, '\\x00', 3, now(), '{}')",
        })
        {
            var fout = await Assert.ThrowsAsync<PostgresException>(() => VoerUitAsync(_app, sql));
            Assert.True(fout.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {fout.SqlState} {fout.MessageText}");
        }
        // A grant to itself is not an error in PostgreSQL, only a warning that nothing was granted.
        await VoerUitAsync(_app, $"grant update, delete on audit.regel to {_rol}");
        await Assert.ThrowsAsync<PostgresException>(() => VoerUitAsync(_app, "delete from audit.regel"));

        var controle = await new AuditKeten(_app, TimeProvider.System).ControleerAsync("test");
        Assert.True(controle.Intact, controle.Melding);
        Assert.Equal(3, controle.Aantal);
    }

    [Fact]
    public async Task A_municipal_session_may_append_its_disclosures_but_cannot_read_or_purge_the_log()
    {
        await using (var conn = await _app.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await using (var rol = new NpgsqlCommand($"set local role {DuoInburgering.Web.Security.GemeenteSessie.DatabaseRol}", conn, tx))
            {
                await rol.ExecuteNonQueryAsync();
            }
            await TestAudit.Log().SchrijfAsync(tx, Verstrekking().VoorBetrokkenen([Bsn(1), Bsn(2)]));
            await tx.CommitAsync();
        }
        Assert.Equal(2L, await ScalarAsync<long>(_app, "select count(*) from audit.regel"));

        foreach (var sql in new[]
        {
            "select count(*) from audit.regel",
            "select count(*) from audit.controle",
            "select * from audit.opschonen(array['Verstrekking'], array[interval '1 day'], now(), 10)",
            "update audit.regel set actor = 'x'",
            "delete from audit.regel",
        })
        {
            var fout = await Assert.ThrowsAsync<PostgresException>(() => VoerUitAsync(_app, $"set local role {DuoInburgering.Web.Security.GemeenteSessie.DatabaseRol}; {sql}"));
            Assert.True(fout.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {fout.SqlState} {fout.MessageText}");
        }
    }

    [Fact]
    public async Task Queued_disclosures_can_be_added_but_not_changed_or_removed_and_only_the_owners_function_moves_them()
    {
        var gemeente = DuoInburgering.Web.Security.GemeenteSessie.DatabaseRol;
        await using (var conn = await _app.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await using (var rol = new NpgsqlCommand($"set local role {gemeente}", conn, tx))
            {
                await rol.ExecuteNonQueryAsync();
            }
            await using (var batch = new NpgsqlBatch(conn, tx))
            {
                foreach (var opdracht in TestAudit.Log().InWachtrij(Verstrekking(), [Bsn(1), Bsn(2)]))
                {
                    batch.BatchCommands.Add(opdracht);
                }
                await batch.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }

        foreach (var (wie, sql) in new[]
        {
            ("", "update audit.wachtrij set actor = 'x'"),
            ("", "delete from audit.wachtrij"),
            ("", "truncate audit.wachtrij"),
            ($"set local role {gemeente}; ", "select count(*) from audit.wachtrij"),
            ($"set local role {gemeente}; ", "delete from audit.wachtrij"),
            ($"set local role {gemeente}; ", "select audit.wachtrij_verwerken(10)"),
        })
        {
            var fout = await Assert.ThrowsAsync<PostgresException>(() => VoerUitAsync(_app, wie + sql));
            Assert.True(fout.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{wie}{sql}: {fout.SqlState} {fout.MessageText}");
        }

        // The portal's own role moves them (the background job, a reader of the log): both rows, chained.
        Assert.Equal(1L, await AuditWachtrij.VerwerkAsync(_app));
        var controle = await new AuditKeten(_app, TimeProvider.System).ControleerAsync("test");
        Assert.True(controle.Intact, controle.Melding);
        Assert.Equal(2, controle.Aantal);
    }

    private static async Task VoerUitAsync(NpgsqlDataSource db, string sql)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await cmd.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    private async Task VoerUitAlsBeheerAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(_beheer);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
