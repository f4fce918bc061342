using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Audit;
using Npgsql;

namespace DuoInburgering.Web.Verwerking;

/// <summary>The active rule set as stored, with who set it, when and why.</summary>
public sealed record RegelsetStand(string Versie, DateTimeOffset? GewijzigdOp, string? GewijzigdDoor, string? Reden);

/// <summary>
/// Which rule-set version processing decides with (table regelset_actief, default 2022-03). DUO sets it
/// by hand to replay January 2022 (2021-12) and a correction sets it to its own version when it
/// completes; every change is kept in regelset_historie.
/// </summary>
public static class ActieveRegelset
{
    public static async Task<RegelsetStand> LeesAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "select versie, gewijzigd_op, gewijzigd_door, reden from regelset_actief where id = 1", conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new RegelsetStand(r.GetString(0), r.IsDBNull(1) ? null : r.GetFieldValue<DateTimeOffset>(1),
                r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3))
            : new RegelsetStand(RegimeRegelsets.Huidig.Versie, null, null, null);
    }

    public static async Task<RegelsetStand> LeesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await LeesAsync(conn, ct);
    }

    /// <summary>
    /// Sets the active version by hand (CLI 'regelset'), after running processing has finished: it takes
    /// the processing locks in the same order processing does. Nothing is re-derived; persons decided
    /// earlier keep their decision and its version until a correction or a new fact re-derives them.
    /// </summary>
    /// <exception cref="CorrectieException">Unknown version, no reason or no name, or a correction left half done.</exception>
    /// <param name="auditlog">The switch is a DUO action in the audit log, in the same transaction.</param>
    public static async Task<RegelsetStand> WijzigAsync(NpgsqlDataSource db, string versie, string door, string reden, TimeProvider klok,
        Auditlog auditlog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(auditlog);
        if (!RegimeRegelsets.TryGet(versie, out var rules))
        {
            throw new CorrectieException(
                $"Onbekende regelset '{versie}'. Bekend: {string.Join(", ", RegimeRegelsets.Alle.Select(r => r.Versie))}.");
        }
        if (string.IsNullOrWhiteSpace(reden))
        {
            throw new CorrectieException("Geef een reden op: elke wijziging van de regelset wordt met reden vastgelegd.");
        }
        if (string.IsNullOrWhiteSpace(door))
        {
            throw new CorrectieException("Geef op wie dit doet (door): elke wijziging van de regelset wordt met naam vastgelegd.");
        }
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var context = await Verwerkingscontext.LaadAsync(conn, klok, ct);
        var vorige = await LeesAsync(conn, ct);
        await ZetAsync(conn, rules.Versie, door.Trim(), reden.Trim(), null, context.Nu, ct);
        await auditlog.SchrijfAsync(tx, AuditWijziging(rules.Versie, vorige.Versie, door, reden, null, context.Nu), ct);
        await tx.CommitAsync(ct);
        return await LeesAsync(conn, ct);
    }

    /// <summary>
    /// The audit entry of a switch: a DUO action about no person in particular (who is re-derived under it gets
    /// their own derivation entries), with the new and the previous version and the correction that made it.
    /// </summary>
    public static AuditRegel AuditWijziging(string versie, string vorigeVersie, string door, string reden, long? correctieId, DateTimeOffset nu) =>
        DuoActies.Regel(Verwerkingsactiviteiten.RegelsetWijzigen, door, "regelset-wijzigen", reden, nu,
            ("regelset", versie), ("vorige_regelset", vorigeVersie),
            ("correctie_id", correctieId?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>In the caller's transaction: the new version and a history row (also when it stays the same, for the audit).</summary>
    public static async Task ZetAsync(NpgsqlConnection conn, string versie, string door, string reden, long? correctieId,
        DateTimeOffset nu, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into regelset_historie (versie, vorige_versie, op, door, reden, correctie_id)
            select @versie, coalesce((select versie from regelset_actief where id = 1), @huidig), @nu, @door, @reden, @correctie;
            insert into regelset_actief (id, versie, gewijzigd_op, gewijzigd_door, reden) values (1, @versie, @nu, @door, @reden)
            on conflict (id) do update set versie = excluded.versie, gewijzigd_op = excluded.gewijzigd_op,
              gewijzigd_door = excluded.gewijzigd_door, reden = excluded.reden;
            """, conn);
        cmd.Parameters.AddWithValue("versie", versie);
        cmd.Parameters.AddWithValue("huidig", RegimeRegelsets.Huidig.Versie);
        cmd.Parameters.AddWithValue("nu", nu);
        cmd.Parameters.AddWithValue("door", door);
        cmd.Parameters.AddWithValue("reden", reden);
        cmd.Parameters.Add(new NpgsqlParameter("correctie", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)correctieId ?? DBNull.Value });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
