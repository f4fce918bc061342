using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Verwerking.Feiten;

/// <summary>The messages of a batch that are new, and how many were seen before.</summary>
public sealed record Ontvangst(List<GeldigBericht> Nieuw, int Dubbel);

/// <summary>
/// Idempotency by source and message id: a source's message id is accepted once, the first time (and the
/// first line of a batch) it arrives from that source; every later arrival from that source counts as dubbel
/// and changes nothing. The key of table bericht is (bron, bericht_id): an id another source used is simply a
/// new message of this source, so a source can neither claim nor learn of another's ids. Only processing runs
/// write table bericht, and they hold the processing lock (<see cref="Verwerking.Verwerkingscontext"/>),
/// so nothing else adds ids while this runs: new ids go in with a plain binary COPY.
/// </summary>
/// <remarks>
/// A batch usually holds only new ids, so the COPY is tried first, under a savepoint, and the key
/// index checks every id as it inserts it: no separate lookup of a million ids. Only when an id was
/// received before does the COPY fail; then the savepoint undoes it, the known ids are looked up,
/// and the rest is copied.
/// </remarks>
public static class BerichtRegistratie
{
    public static async Task<Ontvangst> RegistreerAsync(NpgsqlConnection conn, FeitBron bron, IReadOnlyList<GeldigBericht> berichten,
        long? importId, DateTimeOffset nu, CancellationToken ct)
    {
        var gezien = new HashSet<string>(berichten.Count, StringComparer.Ordinal);
        var kandidaten = new List<(string Id, GeldigBericht Bericht)>(berichten.Count);
        foreach (var b in berichten)
        {
            var id = Veld.Tekst(b.Bericht.BerichtId)!;
            if (gezien.Add(id))
            {
                kandidaten.Add((id, b));
            }
        }
        await VoerUitAsync(conn, "savepoint bericht_registratie", ct);
        try
        {
            await KopieerAsync(conn, bron, kandidaten, importId, nu, ct);
            await VoerUitAsync(conn, "release savepoint bericht_registratie", ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await VoerUitAsync(conn, "rollback to savepoint bericht_registratie", ct);
            var eerder = await EerderOntvangenAsync(conn, bron, kandidaten.Select(k => k.Id).ToArray(), ct);
            kandidaten.RemoveAll(k => eerder.Contains(k.Id));
            await KopieerAsync(conn, bron, kandidaten, importId, nu, ct);
        }
        return new Ontvangst(kandidaten.ConvertAll(k => k.Bericht), berichten.Count - kandidaten.Count);
    }

    private static async Task KopieerAsync(NpgsqlConnection conn, FeitBron bron, List<(string Id, GeldigBericht Bericht)> nieuw,
        long? importId, DateTimeOffset nu, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync(
            "copy bericht (bericht_id, bron, import_id, ontvangen_op) from stdin (format binary)", ct);
        var code = bron.Code();
        foreach (var (id, _) in nieuw)
        {
            copy.StartRow();
            copy.Write(id, NpgsqlDbType.Varchar);
            copy.Write(code, NpgsqlDbType.Text);
            if (importId is { } import)
            {
                copy.Write(import, NpgsqlDbType.Bigint);
            }
            else
            {
                copy.WriteNull();
            }
            copy.Write(nu, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>The ids among <paramref name="ids"/> this source sent before: one index probe per id, sorted by the server.</summary>
    private static async Task<HashSet<string>> EerderOntvangenAsync(NpgsqlConnection conn, FeitBron bron, string[] ids, CancellationToken ct)
    {
        var eerder = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("select bericht_id from bericht where bron = @bron and bericht_id = any(@ids)", conn)
        {
            CommandTimeout = 0,
        };
        cmd.Parameters.Add(new NpgsqlParameter<string>("bron", bron.Code()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("ids", ids));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            eerder.Add(reader.GetString(0));
        }
        return eerder;
    }

    private static async Task VoerUitAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
