using System.Diagnostics;
using System.Globalization;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// Audit log benchmark (issue 6): append N rows in batches (each batch one transaction through
/// <see cref="Auditlog.SchrijfAsync(NpgsqlTransaction, IEnumerable{AuditRegel}, CancellationToken)"/>: keyed hash of
/// every BSN, SHA-256 chain, binary COPY), then verify the whole chain (<see cref="AuditKeten.ControleerAsync"/>).
/// Uses ConnectionStrings__Pib when set, otherwise a throwaway local PostgreSQL cluster. Wall-clock figures.
/// </summary>
internal static class AuditBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--realistisch"))
        {
            return await AuditTijdlijnBenchmark.RunAsync(args);
        }
        var regels = Getal(args, "--regels", 1_000_000);
        var batch = Getal(args, "--batch", 10_000);
        LocalPostgres? cluster = null;
        try
        {
            string server;
            (server, cluster) = await BenchmarkDatabase.ServerAsync();
            var naam = "pib_bench_audit_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            await BenchmarkDatabase.VoerUitAsync(server, $"create database {naam}");
            try
            {
                var cs = new NpgsqlConnectionStringBuilder(server) { Database = naam }.ConnectionString;
                await BenchmarkDatabase.MigreerAsync(cs);
                await using var db = NpgsqlDataSource.Create(cs);
                await MeetAsync(db, regels, batch);
            }
            finally
            {
                await BenchmarkDatabase.VoerUitAsync(server, $"drop database if exists {naam} with (force)");
            }
            return 0;
        }
        finally
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }
        }
    }

    private static async Task MeetAsync(NpgsqlDataSource db, int regels, int batch)
    {
        Console.WriteLine($"Belasting vooraf: {Belasting()}");
        var log = new Auditlog(AuditOpties.Demo, TimeProvider.System);
        var bsns = Bsns(100_000);
        var gemeenten = new[] { "GM0363", "GM0599", "GM0518", "GM0344", "GM0228" };
        var sw = Stopwatch.StartNew();
        for (var geschreven = 0; geschreven < regels; geschreven += batch)
        {
            var n = Math.Min(batch, regels - geschreven);
            // A large download as one event: one municipality, one user, one BSN per row.
            var gebeurtenis = new AuditRegel(AuditSoort.Verstrekking, Verwerkingsactiviteiten.VerstrekkingGemeente, "km.bench")
            {
                Rol = "Gemeente",
                GemeenteCode = gemeenten[geschreven / batch % gemeenten.Length],
                Gegevens = new Dictionary<string, string?> { ["kanaal"] = "Download", ["omschrijving"] = "download csv Wi2021" },
            };
            var rijen = Enumerable.Range(geschreven, n).Select(i => gebeurtenis with { Bsn = bsns[i % bsns.Length] });
            await using var conn = await db.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await log.SchrijfAsync(tx, rijen);
            await tx.CommitAsync();
        }
        var schrijven = sw.Elapsed;
        Console.WriteLine($"Toevoegen: {regels:N0} auditregels in batches van {batch:N0} in {schrijven.TotalSeconds:F1} s " +
            $"= {regels / schrijven.TotalSeconds:N0} regels/s");

        await using (var analyze = db.CreateCommand("vacuum analyze audit.regel"))
        {
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync();
        }
        await using (var grootte = db.CreateCommand("select pg_size_pretty(pg_total_relation_size('audit.regel'))"))
        {
            Console.WriteLine($"Tabel audit.regel met indexen: {await grootte.ExecuteScalarAsync()}");
        }

        sw.Restart();
        var controle = await new AuditKeten(db, TimeProvider.System).ControleerAsync("benchmark");
        var verifieren = sw.Elapsed;
        Console.WriteLine($"verify-audit: {controle.Melding} in {verifieren.TotalSeconds:F1} s = {controle.Aantal / verifieren.TotalSeconds:N0} regels/s");
        Console.WriteLine($"Belasting achteraf: {Belasting()}");
        if (!controle.Intact)
        {
            throw new InvalidOperationException("De keten is niet intact na de benchmark.");
        }
    }

    /// <summary>Valid BSNs (elfproef), as many as asked.</summary>
    private static string[] Bsns(int aantal)
    {
        var bsns = new List<string>(aantal);
        for (var n = 100_000_000; bsns.Count < aantal; n++)
        {
            var s = n.ToString("D9", CultureInfo.InvariantCulture);
            if (DuoInburgering.Domain.Identiteit.Bsn.Controleer(s) is null)
            {
                bsns.Add(s);
            }
        }
        return [.. bsns];
    }

    internal static string Belasting() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1/5/15 min)" : "onbekend";

    internal static int Getal(string[] args, string naam, int standaard)
    {
        var i = Array.IndexOf(args, naam);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : standaard;
    }
}
