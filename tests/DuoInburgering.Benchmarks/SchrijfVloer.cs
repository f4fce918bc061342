using System.Diagnostics;
using Npgsql;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// The floor under the IND import (issue 3): how long the server takes merely to insert the rows that import
/// wrote (its messages, persons, signals and audit entries) into tables shaped like the real ones, with their
/// indexes and without. No import path can be faster than its own writes, so the floor ÷ the bare COPY is the
/// best ratio any import with these tables could reach. Each copy is an INSERT … SELECT from a table that already
/// holds the rows (no file, no parsing, no derivation), into a logged table like the real one, then dropped.
/// </summary>
internal static class SchrijfVloer
{
    /// <summary>A table the import writes and which of its rows are the import's.</summary>
    private sealed record Deel(string Naam, string Tabel, string Waar);

    /// <param name="importId">The IND import's run: its messages are its rows of <c>bericht</c>.</param>
    /// <param name="auditVoor">The last audit id before the IND import: the import's audit entries follow it.</param>
    /// <remarks>Persons and signals: all rows, since the benchmark's database held none before the IND import.</remarks>
    public static async Task MeetAsync(NpgsqlDataSource db, long importId, long auditVoor, TimeSpan kaleCopy)
    {
        Deel[] delen =
        [
            new("berichten", "bericht", $"import_id = {importId}"),
            new("personen", "persoon", "true"),
            new("signalen", "signaal", "true"),
            new("auditregels", "audit.regel", $"id > {auditVoor}"),
        ];
        await using var conn = await db.OpenConnectionAsync();
        await VoerUitAsync(conn, "drop schema if exists vloer cascade; create schema vloer");
        var totaal = TimeSpan.Zero;
        try
        {
            foreach (var deel in delen)
            {
                var kolommen = await KolommenAsync(conn, deel.Tabel);
                var bron = "vloer.bron_" + deel.Naam;
                await VoerUitAsync(conn, $"create table {bron} as select {kolommen} from {deel.Tabel} where {deel.Waar}");
                await VoerUitAsync(conn, $"vacuum analyze {bron}");
                var kaal = await InvoegenAsync(conn, "vloer.kaal_" + deel.Naam, $"like {deel.Tabel} including generated", kolommen, bron);
                var met = await InvoegenAsync(conn, "vloer.met_" + deel.Naam, $"like {deel.Tabel} including all", kolommen, bron);
                Console.WriteLine($"  {deel.Naam,-12} {kaal.Rijen,10:N0} rijen: {met.Tijd.TotalSeconds,6:F2} s met de indexen van {deel.Tabel}, " +
                    $"{kaal.Tijd.TotalSeconds,5:F2} s zonder");
                totaal += met.Tijd;
            }
        }
        finally
        {
            await VoerUitAsync(conn, "drop schema vloer cascade");
        }
        Console.WriteLine($"Vloer: alleen het invoegen van wat de IND-import schreef, met de indexen: {totaal.TotalSeconds:F2} s = " +
            $"{totaal / kaleCopy:F2}x de kale COPY");
    }

    /// <summary>The columns a copy can write: every stored column but generated ones (identity values are copied as they are).</summary>
    private static async Task<string> KolommenAsync(NpgsqlConnection conn, string tabel)
    {
        await using var cmd = new NpgsqlCommand("""
            select string_agg(quote_ident(attname), ', ' order by attnum) from pg_attribute
            where attrelid = @tabel::regclass and attnum > 0 and not attisdropped and attgenerated = ''
            """, conn);
        cmd.Parameters.AddWithValue("tabel", tabel);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Creates table <paramref name="doel"/> (<paramref name="zoals"/>: its LIKE clause) and times filling it from <paramref name="bron"/>.</summary>
    private static async Task<(long Rijen, TimeSpan Tijd)> InvoegenAsync(NpgsqlConnection conn, string doel, string zoals, string kolommen,
        string bron)
    {
        await VoerUitAsync(conn, $"create table {doel} ({zoals})");
        await CheckpointAsync(conn);
        var sw = Stopwatch.StartNew();
        await using var cmd = new NpgsqlCommand(
            $"insert into {doel} ({kolommen}) overriding system value select {kolommen} from {bron}", conn) { CommandTimeout = 0 };
        var rijen = await cmd.ExecuteNonQueryAsync();
        return (rijen, sw.Elapsed);
    }

    /// <summary>Writes out what earlier steps left dirty, so it is not charged to the insert; skipped without the right (pg_checkpoint).</summary>
    private static async Task CheckpointAsync(NpgsqlConnection conn)
    {
        try
        {
            await VoerUitAsync(conn, "checkpoint");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
        }
    }

    private static async Task VoerUitAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
