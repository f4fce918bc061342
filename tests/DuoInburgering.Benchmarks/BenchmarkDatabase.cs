using DuoInburgering.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// The server a benchmark works on: ConnectionStrings__Pib when set, otherwise a throwaway local PostgreSQL
/// cluster (the caller disposes it); and the few statements every benchmark needs on it.
/// </summary>
internal static class BenchmarkDatabase
{
    public static async Task<(string Server, LocalPostgres? Cluster)> ServerAsync()
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Pib");
        if (!string.IsNullOrEmpty(server))
        {
            return (server, null);
        }
        // Not under the 0700 temp folder: the server runs as user postgres when started as root.
        var cluster = await LocalPostgres.StartAsync(
            Path.Combine(Path.GetTempPath(), "pib-bench-pg-" + Guid.NewGuid().ToString("N")[..8]), removeOnDispose: true);
        return (cluster.ConnectionString("postgres"), cluster);
    }

    public static string Op(string server, string database) => new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    public static async Task MigreerAsync(string cs)
    {
        await using var ctx = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(cs).Options);
        await ctx.Database.MigrateAsync();
    }

    /// <summary>
    /// Makes database <paramref name="naam"/>, migrated and filled by <paramref name="vul"/> (given its connection
    /// string), under the temporary name NAME_vullen, renamed only when the fill is complete: a broken run is never reused.
    /// </summary>
    public static async Task VulAlsNieuweAsync(string server, string naam, Func<string, Task> vul)
    {
        var tijdelijk = naam + "_vullen";
        await VoerUitAsync(server, $"drop database if exists {tijdelijk} with (force)");
        await VoerUitAsync(server, $"create database {tijdelijk}");
        var cs = Op(server, tijdelijk);
        await MigreerAsync(cs);
        await vul(cs);
        NpgsqlConnection.ClearAllPools();
        await VoerUitAsync(server, $"alter database {tijdelijk} rename to {naam}");
    }

    public static async Task<bool> BestaatAsync(string server, string naam)
    {
        await using var conn = new NpgsqlConnection(server);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select exists (select 1 from pg_database where datname = @n)", conn);
        cmd.Parameters.AddWithValue("n", naam);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    public static async Task VoerUitAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
