using DuoInburgering.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Testcontainers.PostgreSql;

namespace DuoInburgering.Web.Tests.Infrastructure;

/// <summary>
/// The one PostgreSQL server of a test run, from (in order) PIB_TEST_DB, Testcontainers when a Docker
/// engine answers, or a throwaway local cluster removed when the run ends. It holds a migrated
/// template database, so every test class gets a clean database in milliseconds.
/// </summary>
public sealed class PostgresServer
{
    // Per test process, so two runs against one shared server (PIB_TEST_DB) never drop each other's template.
    private static readonly string TemplateName = $"pib_template_{Environment.ProcessId}";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _instance;
    private readonly NpgsqlConnectionStringBuilder _server;

    private PostgresServer(string serverConnectionString) =>
        _server = new NpgsqlConnectionStringBuilder(serverConnectionString);

    public static async Task<PostgresServer> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_instance is null)
            {
                var server = new PostgresServer(await StartServerAsync());
                await server.CreateTemplateAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                    server.ExecuteAsync($"drop database if exists \"{TemplateName}\" with (force)").GetAwaiter().GetResult();
                _instance = server;
            }
            return _instance;
        }
        finally
        {
            Gate.Release();
        }
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = database }.ConnectionString;

    /// <summary>A new database, migrated and with the municipalities, that nobody else uses.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"create database \"{name}\" template \"{TemplateName}\"");
        return ConnectionString(name);
    }

    /// <summary>A new database with nothing in it, not even the migrations: what a first start meets.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"create database \"{name}\"");
        return ConnectionString(name);
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"drop database if exists \"{name}\" with (force)");
    }

    private async Task CreateTemplateAsync()
    {
        await ExecuteAsync($"drop database if exists \"{TemplateName}\" with (force)");
        await ExecuteAsync($"create database \"{TemplateName}\"");
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString(TemplateName)).Options;
        await using (var db = new AppDbContext(options))
        {
            await db.Database.MigrateAsync();
        }
        // A template must have no open connections when it is copied.
        NpgsqlConnection.ClearAllPools();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartServerAsync()
    {
        var explicitServer = Environment.GetEnvironmentVariable("PIB_TEST_DB");
        if (!string.IsNullOrWhiteSpace(explicitServer))
        {
            return explicitServer;
        }
        if (DockerAvailable())
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return container.GetConnectionString();
        }
        RemoveStaleClusters();
        // The owner's process id in the name: another test process starting at the same moment (the solution's test projects
        // run side by side) must not take this folder for a stale one while initdb is still filling it.
        var dir = Path.Combine(Path.GetTempPath(), $"{StalePrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        var cluster = await LocalPostgres.StartAsync(dir, removeOnDispose: true);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return cluster.ConnectionString("postgres");
    }

    private const string StalePrefix = "pib-test-";

    /// <summary>
    /// The test host may be ended before its exit handler has removed the cluster folder; the next run
    /// removes the folders of clusters that no longer run and whose owning test process is gone. A folder
    /// without an owner in its name (an older run) is left alone for its first hour.
    /// </summary>
    private static void RemoveStaleClusters()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), StalePrefix + "*"))
        {
            var pidFile = Path.Combine(dir, "postmaster.pid");
            var running = File.Exists(pidFile)
                && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
                && IsAlive(pid);
            var naam = Path.GetFileName(dir)[StalePrefix.Length..];
            var eigenaar = naam.Split('-') is [var p, _] && int.TryParse(p, out var o) ? o : (int?)null;
            var inGebruik = eigenaar is { } e
                ? IsAlive(e)
                : DateTime.UtcNow - Directory.GetCreationTimeUtc(dir) < TimeSpan.FromHours(1);
            if (!running && !inGebruik)
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                    // Removed by another run at the same time, or still in use: the next run tries again.
                }
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Testcontainers needs an engine that answers, not just a docker client on the PATH.</summary>
    private static bool DockerAvailable()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host))
        {
            return true;
        }
        const string socket = "/var/run/docker.sock";
        if (!File.Exists(socket))
        {
            return false;
        }
        try
        {
            using var s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix,
                System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            s.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(socket));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
