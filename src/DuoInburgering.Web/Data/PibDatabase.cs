using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace DuoInburgering.Web.Data;

/// <summary>
/// Where the portal's database comes from: ConnectionStrings:Pib when configured, otherwise
/// (Development only) the embedded cluster under .data/pg in the checkout.
/// </summary>
public static class PibDatabase
{
    public const string ConnectionName = "Pib";

    public static async Task<string> ResolveConnectionStringAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (!builder.Environment.IsDevelopment())
        {
            throw new PibConfigurationException(
                "Geen database geconfigureerd: zet ConnectionStrings__Pib (buiten Development start het portaal geen eigen database).");
        }
        var dataDir = builder.Configuration["EmbeddedDatabase:DataDirectory"]
            ?? Path.Combine(FindCheckoutRoot(builder.Environment.ContentRootPath), ".data", "pg");
        var cluster = await LocalPostgres.StartAsync(dataDir);
        await cluster.EnsureDatabaseAsync("pib");
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService<LocalPostgresLifetime>();
        return cluster.ConnectionString("pib");
    }

    public static IServiceCollection AddPibData(this IServiceCollection services, string connectionString)
    {
        var dataSource = Bron(connectionString);
        services.AddSingleton(dataSource);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextFactory<AppDbContext>(o => o.UseNpgsql(dataSource));
        // The first hosted service, so it has migrated the database before the others start: data protection's own reads
        // its key ring from table data_protection_key at start (Security/Sleutelring), and on a fresh database logged two errors.
        services.AddHostedService<DatabasePreparation>();
        return services;
    }

    /// <summary>
    /// The portal's connections. The statements it sends again and again (a list page's queries, a disclosure's
    /// inserts) are prepared once per connection and kept over the pool's reuse, so they are not parsed again on
    /// every page (Npgsql's automatic preparation), unless the connection string sets that itself.
    /// </summary>
    public static NpgsqlDataSource Bron(string connectionString)
    {
        var bouwer = new NpgsqlDataSourceBuilder(connectionString);
        var gegeven = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!gegeven.ContainsKey("Max Auto Prepare") && !gegeven.ContainsKey("MaxAutoPrepare"))
        {
            bouwer.ConnectionStringBuilder.MaxAutoPrepare = 64;
            bouwer.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            // Parsed once, still planned for each call's values, as an unprepared statement is: a plan made once for
            // all values (PostgreSQL's generic plan) made the grouped list of the largest municipality twice as slow.
            bouwer.ConnectionStringBuilder.Options = $"{bouwer.ConnectionStringBuilder.Options} -c plan_cache_mode=force_custom_plan".Trim();
        }
        return bouwer.Build();
    }

    /// <summary>Fails fast, with one clear message, when the configured server does not answer.</summary>
    public static async Task VerifyReachableAsync(string connectionString)
    {
        try
        {
            var csb = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, Pooling = false };
            await using var conn = new NpgsqlConnection(csb.ConnectionString);
            await conn.OpenAsync();
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            throw new PibConfigurationException($"database niet bereikbaar ({e.Message}). Controleer ConnectionStrings__Pib.");
        }
    }

    /// <summary>Applies pending migrations; fails with one clear message when the server is unreachable.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        catch (NpgsqlException e)
        {
            throw new PibConfigurationException($"Database niet bereikbaar of niet bij te werken: {e.Message}");
        }
    }

    private static string FindCheckoutRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DuoInburgering.sln")))
            {
                return dir.FullName;
            }
        }
        return start;
    }
}

/// <summary>Stops the embedded cluster when the portal stops (Ctrl-C in ./run.sh stops both).</summary>
internal sealed class LocalPostgresLifetime(LocalPostgres cluster) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync();
}

public sealed class PibConfigurationException(string message) : Exception(message);
