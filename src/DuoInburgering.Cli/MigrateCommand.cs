using DuoInburgering.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Cli;

/// <summary>'migrate': production applies migrations with this verb, never at portal start-up.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync()
    {
        var connectionString = CliDatabase.ConnectionString();
        await PibDatabase.VerifyReachableAsync(connectionString);
        await using var db = CliDatabase.CreateContext(connectionString);
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        await Console.Out.WriteLineAsync(pending.Count == 0
            ? "Database is al bijgewerkt."
            : $"Bijgewerkt met {pending.Count} migratie(s): {string.Join(", ", pending)}.");
        return 0;
    }
}
