using System.Security.Cryptography;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking;
using Npgsql;

namespace DuoInburgering.Web.Verwerking.Feiten;

/// <summary>What an import did, for the CLI report and the imports page.</summary>
public sealed record ImportRapport(
    long ImportId, FeitBron Bron, int Rijen, int Verwerkt, int Dubbel, IReadOnlyList<Afgewezen> Afgewezen,
    BatchResultaat Herbepaling, long? EerderGeimporteerd = null);

/// <summary>
/// Bulk import of an IND, COA or BRP file in one transaction: validate every line, record the run
/// and its rejects, and process the good lines set-based. A crash rolls everything back, so a rerun
/// is one clean run; the same file again (same SHA-256) is recognised and changes nothing. The audit
/// entries of the whole run (messages, derivations, signals) are written last, just before the commit,
/// so the audit log's lock is held only for that final step.
/// </summary>
public static class FeitenImport
{
    /// <summary>An import started by the system itself (tests, tools): <see cref="Systeem"/> is recorded as who started it.</summary>
    public static Task<ImportRapport> ImportAsync(NpgsqlDataSource db, FeitBron bron, string pad, TimeProvider clock,
        Auditlog auditlog, CancellationToken ct) =>
        ImportAsync(db, bron, pad, Systeem, clock, auditlog, ct);

    /// <summary>Who started an import the system ran by itself.</summary>
    public const string Systeem = "systeem";

    /// <param name="door">
    /// Who started the import (a DUO user's id, the CLI's operator): kept in import_run.gestart_door and in the audit log
    /// (a DUO action "import-starten" with the import's id), never in the application log.
    /// </param>
    /// <param name="auditlog">Every message stored, derivation and signal of the run is written here, last, in the import's transaction.</param>
    public static async Task<ImportRapport> ImportAsync(NpgsqlDataSource db, FeitBron bron, string pad, string door, TimeProvider clock,
        Auditlog auditlog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(auditlog);
        ArgumentException.ThrowIfNullOrWhiteSpace(door);
        door = door.Trim();
        var schema = FeitSchema.Voor(bron);
        var sha = await HashAsync(pad, ct);
        var geldig = new List<GeldigBericht>();
        var afgewezen = new List<Afgewezen>();
        using (var reader = new StreamReader(pad))
        {
            foreach (var regel in FeitenCsv.Lees(reader, schema))
            {
                if (regel.Fout is null)
                {
                    geldig.Add(new GeldigBericht(regel.Regel, regel.Bericht!));
                }
                else
                {
                    afgewezen.Add(new Afgewezen(regel.Regel, Veld.Tekst(regel.Bericht?.BerichtId), regel.Fout, regel.Inhoud));
                }
            }
        }

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var context = await Verwerkingscontext.LaadAsync(conn, clock, ct);
        if (await EerderAsync(conn, bron, sha, ct) is { } eerder)
        {
            return new ImportRapport(eerder, bron, geldig.Count + afgewezen.Count, 0, 0, [], new BatchResultaat(), eerder);
        }
        await RuimGeheugenAsync(conn, ct);
        var importId = await StartAsync(conn, bron, Path.GetFileName(pad), sha, door, context.Nu, ct);
        context.Audit.Voeg(DuoActies.Regel(Verwerkingsactiviteiten.ImportStarten, door, "import-starten", reden: null, context.Nu,
            ("import_id", importId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("bron", bron.Code())));
        await Afwijzingen.SchrijfAsync(conn, bron, importId, afgewezen, context.Nu, ct);
        var telling = await FeitenVerwerking.VerwerkAsync(conn, schema, geldig, importId, context, ct);
        var rapport = new ImportRapport(importId, bron, geldig.Count + afgewezen.Count, telling.Nieuw, telling.Dubbel, afgewezen,
            telling.Herbepaling);
        await VoltooiAsync(conn, rapport, clock.GetUtcNow(), ct);
        await context.Audit.SchrijfAsync(auditlog, tx, ct);
        await tx.CommitAsync(ct);
        return rapport;
    }

    /// <summary>
    /// A bulk run sorts and hash-joins a file's worth of rows (COA/BRP upsert, loading the persons to
    /// derive): with the default work_mem those spill to disk. For this transaction only.
    /// </summary>
    private static async Task RuimGeheugenAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("set local work_mem = '256MB'", conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string> HashAsync(string pad, CancellationToken ct)
    {
        await using var stream = File.OpenRead(pad);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    private static async Task<long?> EerderAsync(NpgsqlConnection conn, FeitBron bron, string sha, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "select id from import_run where bron = @bron and sha256 = @sha and voltooid_op is not null order by id limit 1", conn);
        cmd.Parameters.AddWithValue("bron", bron.Code());
        cmd.Parameters.AddWithValue("sha", sha);
        return await cmd.ExecuteScalarAsync(ct) as long?;
    }

    private static async Task<long> StartAsync(NpgsqlConnection conn, FeitBron bron, string naam, string sha, string door,
        DateTimeOffset nu, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into import_run (bron, bestandsnaam, sha256, gestart_op, gestart_door, aantal_rijen, aantal_verwerkt, aantal_afgewezen, aantal_dubbel)
            values (@bron, @naam, @sha, @nu, @door, 0, 0, 0, 0) returning id
            """, conn);
        cmd.Parameters.AddWithValue("door", door);
        cmd.Parameters.AddWithValue("bron", bron.Code());
        cmd.Parameters.AddWithValue("naam", naam);
        cmd.Parameters.AddWithValue("sha", sha);
        cmd.Parameters.AddWithValue("nu", nu);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task VoltooiAsync(NpgsqlConnection conn, ImportRapport r, DateTimeOffset nu, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            update import_run set voltooid_op = @nu, aantal_rijen = @rijen, aantal_verwerkt = @verwerkt,
                aantal_afgewezen = @afgewezen, aantal_dubbel = @dubbel
            where id = @id
            """, conn);
        cmd.Parameters.AddWithValue("nu", nu);
        cmd.Parameters.AddWithValue("rijen", r.Rijen);
        cmd.Parameters.AddWithValue("verwerkt", r.Verwerkt);
        cmd.Parameters.AddWithValue("afgewezen", r.Afgewezen.Count);
        cmd.Parameters.AddWithValue("dubbel", r.Dubbel);
        cmd.Parameters.AddWithValue("id", r.ImportId);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
