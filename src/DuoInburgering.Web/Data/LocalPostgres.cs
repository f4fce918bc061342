using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DuoInburgering.Web.Data;

/// <summary>
/// A private PostgreSQL cluster in a folder of its own, started with the machine's server binaries.
/// Used by ./run.sh (the embedded default database) and by the tests when no server is given.
/// PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' user.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string Superuser = "pib";
    private readonly string _dataDir;
    private readonly bool _removeOnDispose;
    private readonly string _binDir;
    private readonly string? _runAs;

    private LocalPostgres(string dataDir, bool removeOnDispose, string binDir, string? runAs)
    {
        _dataDir = dataDir;
        _removeOnDispose = removeOnDispose;
        _binDir = binDir;
        _runAs = runAs;
    }

    public int Port { get; private set; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={database};Maximum Pool Size=50";

    /// <summary>Initialises the cluster when the folder is new, starts it unless it already runs.</summary>
    public static async Task<LocalPostgres> StartAsync(string dataDir, bool removeOnDispose = false)
    {
        var binDir = FindBinDir() ?? throw new LocalPostgresException(
            "PostgreSQL-serverprogramma's niet gevonden (initdb, pg_ctl). Installeer ze met 'apt-get install postgresql' of zet ConnectionStrings__Pib.");
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var pg = new LocalPostgres(Path.GetFullPath(dataDir), removeOnDispose, binDir, runAs);
        await pg.InitialiseAndStartAsync();
        return pg;
    }

    private async Task InitialiseAndStartAsync()
    {
        Directory.CreateDirectory(_dataDir);
        if (_runAs is not null)
        {
            await RunAsync("chown", ["-R", $"{_runAs}:{_runAs}", _dataDir], asServerUser: false);
        }
        if (!File.Exists(Path.Combine(_dataDir, "PG_VERSION")))
        {
            await RunAsync(Path.Combine(_binDir, "initdb"),
                ["-D", _dataDir, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        }
        var running = RunningPort();
        if (running is int port)
        {
            Port = port;
            return;
        }
        Port = FreePort();
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-p {Port} -k {_dataDir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c shared_buffers=512MB");
        await RunAsync(Path.Combine(_binDir, "pg_ctl"),
            ["-D", _dataDir, "-o", options, "-l", Path.Combine(_dataDir, "server.log"), "-w", "-t", "60", "start"]);
    }

    /// <summary>Creates the database when it does not exist yet.</summary>
    public async Task EnsureDatabaseAsync(string database, string? template = null)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @n", conn);
        exists.Parameters.AddWithValue("n", database);
        if (await exists.ExecuteScalarAsync() is not null)
        {
            return;
        }
        var sql = template is null
            ? $"create database \"{database}\""
            : $"create database \"{database}\" template \"{template}\"";
        await using var create = new NpgsqlCommand(sql, conn);
        await create.ExecuteNonQueryAsync();
    }

    private int? RunningPort()
    {
        var pidFile = Path.Combine(_dataDir, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port))
        {
            return null;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (ArgumentException)
        {
            return null; // stale pid file from a crash; pg_ctl start cleans it up
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinDir()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':').FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private Task RunAsync(string file, IReadOnlyList<string> args) => RunAsync(file, args, asServerUser: true);

    private async Task RunAsync(string file, IReadOnlyList<string> args, bool asServerUser)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asServerUser && _runAs is not null)
        {
            info.FileName = "runuser";
            foreach (var a in new[] { "-u", _runAs, "--", file })
            {
                info.ArgumentList.Add(a);
            }
        }
        else
        {
            info.FileName = file;
        }
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info) ?? throw new LocalPostgresException($"Kon {file} niet starten.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new LocalPostgresException(
                $"{Path.GetFileName(file)} faalde (code {process.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}".Trim());
        }
    }

    public async Task StopAsync()
    {
        if (RunningPort() is null)
        {
            return;
        }
        await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", _dataDir, "-m", "fast", "-w", "stop"]);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_removeOnDispose)
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}

public sealed class LocalPostgresException(string message) : Exception(message);
