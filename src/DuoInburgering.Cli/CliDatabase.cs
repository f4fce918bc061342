using DuoInburgering.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Cli;

internal static class CliDatabase
{
    public static string ConnectionString() =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Pib") is { Length: > 0 } cs
            ? cs
            : throw new CliException("Zet ConnectionStrings__Pib op de database waarmee deze opdracht moet werken.", 2);

    public static AppDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).Options);
}
