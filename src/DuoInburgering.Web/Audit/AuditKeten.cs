using System.Data;
using Npgsql;

namespace DuoInburgering.Web.Audit;

/// <summary>The outcome of one check of the whole chain; <see cref="EersteFouteRegel"/> names the first broken row.</summary>
public sealed record KetenControle(bool Intact, long Aantal, long? EersteFouteRegel, string Melding, DateTimeOffset Tijdstip, string Door);

/// <summary>What a purge removed: <see cref="Aantal"/> rows, up to and including row <see cref="TotEnMet"/> (the new anchor).</summary>
public sealed record AuditOpschoning(long Aantal, long? TotEnMet);

/// <summary>The latest anchor: the chain now starts after row <see cref="TotEnMet"/>.</summary>
public sealed record AuditAnker(long TotEnMet, long Aantal, DateTimeOffset OpgeschoondOp);

/// <summary>
/// Checking and purging the chain. The check streams the rows in id order (constant memory) in one
/// snapshot, from the latest anchor (or the start), and stops at the first row whose id does not follow
/// its predecessor or whose hash is not SHA-256(previous hash ‖ content); it also finds rows removed from
/// the end since the previous intact check. Every check is kept in <c>audit.controle</c> (append-only too).
/// The purge removes expired rows from the start of the chain only, as the owning role
/// (<c>audit.opschonen</c>, SECURITY DEFINER), a chunk per transaction so appends wait briefly.
/// </summary>
public sealed class AuditKeten(NpgsqlDataSource dataSource, TimeProvider klok)
{
    /// <summary>Rows purged per transaction (the append lock is held for one chunk).</summary>
    public int OpschoonChunk { get; init; } = 50_000;

    /// <summary>Checks the whole chain now and records the outcome.</summary>
    public async Task<KetenControle> ControleerAsync(string door, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(door);
        // Queued disclosures first: the check covers everything recorded until now.
        await AuditWachtrij.VerwerkAsync(dataSource, ct);
        var (intact, aantal, fout, melding, laatsteId, laatsteHash) = await LoopAsync(ct);
        var controle = new KetenControle(intact, aantal, fout, melding, klok.GetUtcNow().ToUniversalTime(), door);
        await using var cmd = dataSource.CreateCommand("""
            insert into audit.controle (tijdstip, intact, aantal, laatste_id, laatste_hash, eerste_fout, melding, door)
            values (@tijdstip, @intact, @aantal, @laatste_id, @laatste_hash, @eerste_fout, @melding, @door)
            """);
        cmd.Parameters.AddWithValue("tijdstip", controle.Tijdstip);
        cmd.Parameters.AddWithValue("intact", intact);
        cmd.Parameters.AddWithValue("aantal", aantal);
        cmd.Parameters.AddWithValue("laatste_id", intact && laatsteId > 0 ? laatsteId : DBNull.Value);
        cmd.Parameters.AddWithValue("laatste_hash", intact && laatsteId > 0 ? laatsteHash : DBNull.Value);
        cmd.Parameters.AddWithValue("eerste_fout", fout is { } f ? f : DBNull.Value);
        cmd.Parameters.AddWithValue("melding", melding);
        cmd.Parameters.AddWithValue("door", door);
        await cmd.ExecuteNonQueryAsync(ct);
        return controle;
    }

    /// <summary>The most recent check, or null when the chain was never checked.</summary>
    public async Task<KetenControle?> LaatsteControleAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "select intact, aantal, eerste_fout, melding, tijdstip, door from audit.controle order by id desc limit 1");
        await using var lezer = await cmd.ExecuteReaderAsync(ct);
        return await lezer.ReadAsync(ct)
            ? new KetenControle(lezer.GetBoolean(0), lezer.GetInt64(1), lezer.IsDBNull(2) ? null : lezer.GetInt64(2),
                lezer.GetString(3), lezer.GetFieldValue<DateTimeOffset>(4), lezer.GetString(5))
            : null;
    }

    public async Task<AuditAnker?> LaatsteAnkerAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "select tot_en_met, aantal, opgeschoond_op from audit.anker order by tot_en_met desc limit 1");
        await using var lezer = await cmd.ExecuteReaderAsync(ct);
        return await lezer.ReadAsync(ct)
            ? new AuditAnker(lezer.GetInt64(0), lezer.GetInt64(1), lezer.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    /// <summary>
    /// Removes, from the start of the chain, the rows older than their kind's retention at the clock's now;
    /// stops at the first row that must stay (a kind without retention always stays). Records an anchor.
    /// </summary>
    public async Task<AuditOpschoning> OpschonenAsync(IReadOnlyDictionary<AuditSoort, int> bewaartermijnDagen, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bewaartermijnDagen);
        if (bewaartermijnDagen.Count == 0)
        {
            return new AuditOpschoning(0, null);
        }
        var soorten = bewaartermijnDagen.Keys.Select(s => s.ToString()).ToArray();
        var termijnen = bewaartermijnDagen.Values.Select(d => TimeSpan.FromDays(d)).ToArray();
        var nu = klok.GetUtcNow().ToUniversalTime();
        long totaal = 0;
        long? totEnMet = null;
        while (true)
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using var cmd = new NpgsqlCommand(
                "select aantal, tot_en_met from audit.opschonen(@soorten, @termijnen, @nu, @max)", conn, tx) { CommandTimeout = 0 };
            cmd.Parameters.AddWithValue("soorten", soorten);
            cmd.Parameters.AddWithValue("termijnen", termijnen);
            cmd.Parameters.AddWithValue("nu", nu);
            cmd.Parameters.AddWithValue("max", (long)OpschoonChunk);
            long aantal;
            await using (var lezer = await cmd.ExecuteReaderAsync(ct))
            {
                await lezer.ReadAsync(ct);
                aantal = lezer.GetInt64(0);
                if (aantal > 0)
                {
                    totEnMet = lezer.GetInt64(1);
                }
            }
            await tx.CommitAsync(ct);
            totaal += aantal;
            if (aantal < OpschoonChunk)
            {
                return new AuditOpschoning(totaal, totEnMet);
            }
        }
    }

    private async Task<(bool Intact, long Aantal, long? Fout, string Melding, long LaatsteId, byte[] LaatsteHash)> LoopAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        // One snapshot: a purge or append meanwhile cannot make anchor and rows disagree.
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

        var (ankerId, vorige) = (0L, KetenHash.Begin);
        await using (var anker = new NpgsqlCommand("select tot_en_met, hash from audit.anker order by tot_en_met desc limit 1", conn, tx))
        await using (var lezer = await anker.ExecuteReaderAsync(ct))
        {
            if (await lezer.ReadAsync(ct))
            {
                (ankerId, vorige) = (lezer.GetInt64(0), lezer.GetFieldValue<byte[]>(1));
            }
        }
        (long Id, byte[] Hash, DateTimeOffset Op)? eerder = null;
        await using (var vorigeControle = new NpgsqlCommand(
            "select laatste_id, laatste_hash, tijdstip from audit.controle where intact and laatste_id is not null order by id desc limit 1", conn, tx))
        await using (var lezer = await vorigeControle.ExecuteReaderAsync(ct))
        {
            if (await lezer.ReadAsync(ct))
            {
                eerder = (lezer.GetInt64(0), lezer.GetFieldValue<byte[]>(1), lezer.GetFieldValue<DateTimeOffset>(2));
            }
        }

        var hasher = new KetenHash();
        var berekend = new byte[KetenHash.Lengte];
        var vorigeId = ankerId;
        long aantal = 0;
        await using (var cmd = new NpgsqlCommand($"select {KetenHash.Kolommen}, hash from audit.regel order by id", conn, tx) { CommandTimeout = 0 })
        await using (var lezer = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct))
        {
            while (await lezer.ReadAsync(ct))
            {
                var rij = new KetenRij(lezer.GetInt64(0), lezer.GetFieldValue<DateTimeOffset>(1), lezer.GetString(2), lezer.GetString(3),
                    lezer.IsDBNull(4) ? null : lezer.GetFieldValue<byte[]>(4), lezer.IsDBNull(5) ? null : lezer.GetString(5),
                    lezer.GetString(6), lezer.IsDBNull(7) ? null : lezer.GetString(7), lezer.IsDBNull(8) ? null : lezer.GetString(8),
                    lezer.GetFieldValue<byte[]>(9), lezer.GetFieldValue<byte[]>(10), lezer.IsDBNull(11) ? null : lezer.GetString(11));
                var opgeslagen = lezer.GetFieldValue<byte[]>(12);
                if (rij.Id != vorigeId + 1)
                {
                    var na = vorigeId == ankerId ? (ankerId == 0 ? "het begin van de keten" : $"het anker (tot en met regel {ankerId})") : $"regel {vorigeId}";
                    return Gebroken(rij.Id, rij.Id > vorigeId + 1
                        ? $"regel {rij.Id} volgt op {na}: {Ontbreekt(vorigeId + 1, rij.Id - 1)}."
                        : $"regel {rij.Id} volgt op {na}: de volgorde klopt niet.");
                }
                hasher.Bereken(vorige, rij, berekend);
                if (!berekend.AsSpan().SequenceEqual(opgeslagen))
                {
                    return Gebroken(rij.Id, $"regel {rij.Id} is gewijzigd: de hash past niet bij de inhoud en de vorige regel.");
                }
                if (eerder is { } e && e.Id == rij.Id && !opgeslagen.AsSpan().SequenceEqual(e.Hash))
                {
                    return Gebroken(rij.Id, $"regel {rij.Id} is herschreven sinds de controle van {Components.Weergave.Moment(e.Op)}: de hash is anders dan toen.");
                }
                (vorige, vorigeId) = (opgeslagen, rij.Id);
                aantal++;
            }
        }
        if (eerder is { } vorigeKeer && vorigeKeer.Id > Math.Max(vorigeId, ankerId))
        {
            return Gebroken(vorigeId + 1,
                $"de keten eindigt bij regel {vorigeId}, maar de controle van {Components.Weergave.Moment(vorigeKeer.Op)} zag al regel {vorigeKeer.Id}: {Ontbreekt(vorigeId + 1, vorigeKeer.Id)}.");
        }
        var begin = ankerId == 0 ? "" : $" na het anker tot en met regel {ankerId}";
        return (true, aantal, null, $"intact: {aantal} {(aantal == 1 ? "regel" : "regels")}{begin}.", vorigeId, vorige);

        (bool, long, long?, string, long, byte[]) Gebroken(long id, string melding) =>
            (false, aantal, id, $"verbroken bij regel {id}: {melding}", vorigeId, vorige);
    }

    private static string Ontbreekt(long van, long tot) =>
        van == tot ? $"regel {van} ontbreekt" : $"regel {van} tot en met {tot} ontbreken";

}
