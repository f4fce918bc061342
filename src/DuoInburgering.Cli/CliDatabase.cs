using DuoInburgering.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Cli;

internal static class CliDatabase
{
    public static string ConnectionString() =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Pib") is { Length: > 0 } cs
            ? cs
            : throw new CliException("Zet ConnectionStrings__Pib op de database waarmee deze opdracht moet werken.", 2);

    /// <summary>The configured database, checked to answer, as a data source for the bulk verbs.</summary>
    public static async Task<Npgsql.NpgsqlDataSource> DataSourceAsync()
    {
        var connectionString = ConnectionString();
        await PibDatabase.VerifyReachableAsync(connectionString);
        return Npgsql.NpgsqlDataSource.Create(connectionString);
    }

    public static AppDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).Options);
}
