using DuoInburgering.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuoInburgering.Web.Audit;

/// <summary>
/// Disclosures reach the audit log in two steps. The read that shows or sends BSNs writes its audit rows, fully
/// prepared (keyed hashes, canonical content), into <c>audit.wachtrij</c> in its own transaction: one heap row,
/// no chain lock, no index of the log touched, so a caseworker's page neither pays for the log's indexes nor waits
/// behind an import that holds the append lock. The portal's roles may only insert there. <c>audit.wachtrij_verwerken</c>
/// (SECURITY DEFINER, owned by <c>pib_audit</c>) then takes the append lock and moves the queued rows into the chain
/// (<c>audit.toevoegen</c>), removing them from the queue in the same transaction: nothing is lost or chained twice.
/// <see cref="AuditWachtrijJob"/> does this every second; every reader of the log (timeline, disclosures per
/// municipality, breach report, chain check) does it first, so what an auditor sees is complete.
/// </summary>
public static class AuditWachtrij
{
    /// <summary>Queued calls moved per transaction: the append lock is held for one such step.</summary>
    public const int Stap = 200;

    /// <summary>Moves everything queued into the chain, a step per transaction; the number of calls moved.</summary>
    /// <remarks>On an open connection without a transaction of its own, so each step commits and releases the lock.</remarks>
    public static async Task<long> VerwerkAsync(NpgsqlConnection verbinding, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(verbinding);
        long totaal = 0;
        await using var cmd = new NpgsqlCommand("select audit.wachtrij_verwerken(@max)", verbinding) { CommandTimeout = 0 };
        cmd.Parameters.AddWithValue("max", Stap);
        while (true)
        {
            var n = (int)(await cmd.ExecuteScalarAsync(ct))!;
            totaal += n;
            if (n < Stap)
            {
                return totaal;
            }
        }
    }

    /// <summary>
    /// Opens the context's connection for a read of the log, queued disclosures moved into the chain first, outside the
    /// read's transaction (opened after this): the auditor sees everything recorded.
    /// </summary>
    public static async Task<NpgsqlConnection> OpenVoorLezenAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(ct);
        var verbinding = (NpgsqlConnection)db.Database.GetDbConnection();
        await VerwerkAsync(verbinding, ct);
        return verbinding;
    }

    public static async Task<long> VerwerkAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var verbinding = await dataSource.OpenConnectionAsync(ct);
        return await VerwerkAsync(verbinding, ct);
    }
}
