using Npgsql;
using NpgsqlTypes;

namespace DuoInburgering.Web.Verwerking.Feiten;

/// <summary>A rejected line or message: where, which message, why (Dutch), and what arrived.</summary>
public sealed record Afgewezen(int? Regel, string? BerichtId, string Reden, string Inhoud);

/// <summary>Writes rejects into table afwijzing, in the caller's transaction.</summary>
public static class Afwijzingen
{
    public static async Task SchrijfAsync(NpgsqlConnection conn, FeitBron bron, long? importId, IReadOnlyCollection<Afgewezen> afgewezen,
        DateTimeOffset nu, CancellationToken ct)
    {
        if (afgewezen.Count == 0)
        {
            return;
        }
        await using var copy = await conn.BeginBinaryImportAsync(
            "copy afwijzing (import_id, bron, regel, bericht_id, reden, inhoud, ontvangen_op) from stdin (format binary)", ct);
        foreach (var a in afgewezen)
        {
            await copy.StartRowAsync(ct);
            await SchrijfAsync(copy, importId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(bron.Code(), NpgsqlDbType.Text, ct);
            await SchrijfAsync(copy, a.Regel, NpgsqlDbType.Integer, ct);
            await SchrijfAsync(copy, a.BerichtId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(a.Reden, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(a.Inhoud, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(nu, NpgsqlDbType.TimestampTz, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task SchrijfAsync<T>(NpgsqlBinaryImporter copy, T? waarde, NpgsqlDbType type, CancellationToken ct)
    {
        if (waarde is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(waarde, type, ct);
        }
    }
}
