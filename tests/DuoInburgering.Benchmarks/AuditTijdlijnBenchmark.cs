using System.Diagnostics;
using System.Globalization;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// Issue 6 at size: an audit log of realistic shape (<see cref="AuditVulling"/>, default 50 million rows over
/// 1.5 million persons), then a person's timeline as the auditor's page asks it (<see cref="AuditTijdlijn.ZoekAsync"/>:
/// the first page of 25 and the total, the search recorded as a disclosure) for random, heavy and extreme persons,
/// p50/p95 over at least 50 searches each (target: under 200 ms); then the whole chain verified
/// (<see cref="AuditKeten.ControleerAsync"/>). <c>--database NAME</c> keeps the filled database and reuses it when it
/// exists (filled under NAME_vullen and renamed when complete, so a broken fill is never reused).
/// </summary>
internal static class AuditTijdlijnBenchmark
{
    private const int Pagina = 25;
    private const int Opwarmen = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        string? Optie(string naam) => Array.IndexOf(args, naam) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var regels = long.Parse(Optie("--regels") ?? "50000000", CultureInfo.InvariantCulture);
        var personen = int.Parse(Optie("--personen") ?? "1500000", CultureInfo.InvariantCulture);
        var batch = int.Parse(Optie("--batch") ?? "50000", CultureInfo.InvariantCulture);
        var metingen = Math.Max(50, int.Parse(Optie("--metingen") ?? "50", CultureInfo.InvariantCulture));
        var bewaarNaam = Optie("--database");
        LocalPostgres? cluster = null;
        try
        {
            string server;
            (server, cluster) = await BenchmarkDatabase.ServerAsync();
            var naam = bewaarNaam ?? "pib_bench_audit_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var cs = BenchmarkDatabase.Op(server, naam);
            Console.WriteLine($"Belasting vooraf: {AuditBenchmark.Belasting()}");
            if (await BenchmarkDatabase.BestaatAsync(server, naam))
            {
                // The persons must be the ones it was filled with: their BSNs are what the timeline searches.
                (regels, personen) = await VullingVanAsync(server, naam) ?? (regels, personen);
                Console.WriteLine($"Bestaande database {naam} wordt hergebruikt ({regels:N0} regels, {personen:N0} personen).");
                await BenchmarkDatabase.MigreerAsync(cs);
            }
            else
            {
                await VulAsync(server, naam, regels, personen, batch);
            }

            var vulling = new AuditVulling(personen, regels);
            await using (var db = NpgsqlDataSource.Create(cs))
            {
                await ToonOmvangAsync(db);
                await MeetTijdlijnAsync(db, vulling, metingen);
                await MeetLekrapportAsync(db, vulling, int.Parse(Optie("--lekrapporten") ?? "5", CultureInfo.InvariantCulture));
                if (!args.Contains("--zonder-controle"))
                {
                    await ControleerKetenAsync(db);
                }
            }
            Console.WriteLine($"Belasting achteraf: {AuditBenchmark.Belasting()}");
            if (bewaarNaam is null)
            {
                NpgsqlConnection.ClearAllPools();
                await BenchmarkDatabase.VoerUitAsync(server, $"drop database {naam} with (force)");
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

    private static async Task VulAsync(string server, string naam, long regels, int personen, int batch)
    {
        await BenchmarkDatabase.VulAlsNieuweAsync(server, naam, cs => VulRegelsAsync(cs, regels, personen, batch));
        await BenchmarkDatabase.VoerUitAsync(server,
            $"comment on database {naam} is 'auditvulling regels={regels.ToString(CultureInfo.InvariantCulture)} personen={personen.ToString(CultureInfo.InvariantCulture)}'");
    }

    private static async Task VulRegelsAsync(string cs, long regels, int personen, int batch)
    {
        await using (var db = NpgsqlDataSource.Create(cs))
        {
            // The secondary indexes (those of the migrations, whatever they are now) are built once, after the load.
            var indexen = new List<(string Naam, string Definitie)>();
            await using (var cmd = db.CreateCommand("""
                select i.indexname, i.indexdef from pg_indexes i
                where i.schemaname = 'audit' and i.tablename = 'regel'
                  and i.indexname not in (select c.conname from pg_constraint c where c.conrelid = 'audit.regel'::regclass)
                """))
            await using (var lezer = await cmd.ExecuteReaderAsync())
            {
                while (await lezer.ReadAsync())
                {
                    indexen.Add((lezer.GetString(0), lezer.GetString(1)));
                }
            }
            foreach (var (index, _) in indexen)
            {
                await VoerUitAsync(db, $"drop index audit.{index}");
            }

            Console.WriteLine($"Vullen: {regels:N0} auditregels over {personen:N0} personen (zonder {string.Join(", ", indexen.Select(i => i.Naam))}) …");
            var vulling = new AuditVulling(personen, regels);
            var sw = Stopwatch.StartNew();
            await vulling.VulAsync(db, new Auditlog(AuditOpties.Demo, TimeProvider.System), batch);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Geschreven: {regels:N0} regels in {sw.Elapsed.TotalSeconds:F0} s = {regels / sw.Elapsed.TotalSeconds:N0} regels/s (Auditlog, batches van {batch:N0})"));

            foreach (var (index, definitie) in indexen)
            {
                sw.Restart();
                await using var conn = await db.OpenConnectionAsync();
                await using (var instelling = new NpgsqlCommand("set maintenance_work_mem = '1GB'", conn))
                {
                    await instelling.ExecuteNonQueryAsync();
                }
                await using (var maak = new NpgsqlCommand(definitie, conn) { CommandTimeout = 0 })
                {
                    await maak.ExecuteNonQueryAsync();
                }
                Console.WriteLine($"Index {index} gebouwd in {sw.Elapsed.TotalSeconds:F0} s");
            }
            sw.Restart();
            // Sets the visibility map (index-only counts) and the statistics, as autovacuum does for an append-only table.
            await VoerUitAsync(db, "vacuum (analyze) audit.regel");
            Console.WriteLine($"vacuum analyze in {sw.Elapsed.TotalSeconds:F0} s");
        }
    }

    /// <summary>The sizes a kept database was filled with (its comment), or null when it has none.</summary>
    private static async Task<(long Regels, int Personen)?> VullingVanAsync(string server, string naam)
    {
        await using var conn = new NpgsqlConnection(server);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "select shobj_description(oid, 'pg_database') from pg_database where datname = @n", conn);
        cmd.Parameters.AddWithValue("n", naam);
        if (await cmd.ExecuteScalarAsync() is not string commentaar || !commentaar.StartsWith("auditvulling ", StringComparison.Ordinal))
        {
            return null;
        }
        var waarden = commentaar.Split(' ').Skip(1).Select(d => d.Split('=')).ToDictionary(d => d[0], d => d[1], StringComparer.Ordinal);
        return (long.Parse(waarden["regels"], CultureInfo.InvariantCulture), int.Parse(waarden["personen"], CultureInfo.InvariantCulture));
    }

    private static async Task MeetTijdlijnAsync(NpgsqlDataSource db, AuditVulling vulling, int metingen)
    {
        var factory = new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(db).Options);
        var tijdlijn = new AuditTijdlijn(factory, new Auditlog(AuditOpties.Demo, TimeProvider.System), TimeProvider.System);
        var auditor = new PibGebruiker("fg.bench", "Benchmark", Rol.Auditor, null);
        var rng = new Random(7);
        var zwaar = new HashSet<int>(vulling.ZwarePersonen.Concat(vulling.ExtremePersonen));
        int Willekeurig()
        {
            int p;
            do
            {
                p = rng.Next(vulling.Bsns.Length);
            }
            while (zwaar.Contains(p));
            return p;
        }

        for (var i = 0; i < Opwarmen; i++)
        {
            await tijdlijn.ZoekAsync(auditor, vulling.Bsns[Willekeurig()], 0, Pagina, registreer: false);
        }

        Console.WriteLine();
        Console.WriteLine($"Tijdlijn van een persoon (AuditTijdlijn.ZoekAsync: eerste pagina van {Pagina} en het totaal, de zoekvraag vastgelegd als verstrekking), " +
            $"{metingen} zoekvragen per geval na {Opwarmen} keer opwarmen (ms):");
        Console.WriteLine($"{"geval",-50} {"p50",8} {"p95",8} {"max",8} {"regels p50",11} {"max",8}");
        await MeetAsync("willekeurige persoon (elke keer een andere)", metingen * 2,
            () => tijdlijn.ZoekAsync(auditor, vulling.Bsns[Willekeurig()], 0, Pagina, registreer: true));
        await MeetAsync($"zware persoon ({AuditVulling.Zwaar:N0} personen)", metingen,
            () => tijdlijn.ZoekAsync(auditor, vulling.Bsns[vulling.ZwarePersonen[rng.Next(AuditVulling.Zwaar)]], 0, Pagina, registreer: true));
        await MeetAsync($"extreme persoon ({AuditVulling.Extreem} personen)", metingen,
            () => tijdlijn.ZoekAsync(auditor, vulling.Bsns[vulling.ExtremePersonen[rng.Next(AuditVulling.Extreem)]], 0, Pagina, registreer: true));
        Console.WriteLine("Verder bladeren (niet vastgelegd, ter informatie):");
        await MeetAsync("extreme persoon, pagina 2", metingen,
            () => tijdlijn.ZoekAsync(auditor, vulling.Bsns[vulling.ExtremePersonen[rng.Next(AuditVulling.Extreem)]], 1, Pagina, registreer: false));
        await MeetAsync("extreme persoon, pagina 400 (offset 10.000)", metingen,
            () => tijdlijn.ZoekAsync(auditor, vulling.Bsns[vulling.ExtremePersonen[rng.Next(AuditVulling.Extreem)]], 400, Pagina, registreer: false));
    }

    /// <summary>
    /// Issue 6: a breach report over 10,000 persons in under 10 s. As the auditor's page makes it for a pasted list
    /// (<see cref="Lekrapportage.MaakVoorAsync"/>: the BSNs hashed, their audit rows read and grouped per municipality,
    /// the report's use recorded as a disclosure of those 10,000), a different random sample each time.
    /// </summary>
    private static async Task MeetLekrapportAsync(NpgsqlDataSource db, AuditVulling vulling, int keer)
    {
        const int Personen = 10_000;
        var factory = new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(db).Options);
        var lekrapportage = new Lekrapportage(factory, new Auditlog(AuditOpties.Demo, TimeProvider.System), TimeProvider.System);
        var auditor = new PibGebruiker("fg.bench", "Benchmark", Rol.Auditor, null);
        var rng = new Random(11);
        Console.WriteLine();
        Console.WriteLine($"Lekrapport over {Personen:N0} willekeurige personen (Lekrapportage.MaakVoorAsync, BSN-lijst, vastgelegd), {keer} keer:");
        var tijden = new List<double>();
        for (var i = 0; i < keer; i++)
        {
            var bsns = Enumerable.Range(0, Personen).Select(_ => vulling.Bsns[rng.Next(vulling.Bsns.Length)]).Distinct(StringComparer.Ordinal).ToArray();
            var sw = Stopwatch.StartNew();
            var rapport = await lekrapportage.MaakVoorAsync(auditor, new LekrapportBereik.Bsns(bsns), DuoInburgering.Web.Data.Entities.VerstrekkingKanaal.Scherm);
            tijden.Add(sw.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {i + 1}: {tijden[^1],8:F0} ms  {bsns.Length:N0} personen, {rapport.Gemeenten.Count} gemeenten{(tijden[^1] >= 10_000 ? "  <-- boven 10 s" : "")}"));
        }
        tijden.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  p50 {tijden[tijden.Count / 2]:F0} ms, max {tijden[^1]:F0} ms"));
    }

    private static async Task MeetAsync(string naam, int metingen, Func<Task<Tijdlijn>> zoek)
    {
        var tijden = new double[metingen];
        var totalen = new int[metingen];
        for (var i = 0; i < metingen; i++)
        {
            var sw = Stopwatch.StartNew();
            var uitkomst = await zoek();
            tijden[i] = sw.Elapsed.TotalMilliseconds;
            totalen[i] = uitkomst.Totaal;
        }
        Array.Sort(tijden);
        Array.Sort(totalen);
        double P(double q) => tijden[Math.Clamp((int)Math.Ceiling(q * tijden.Length) - 1, 0, tijden.Length - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{naam,-50} {P(0.5),8:F1} {P(0.95),8:F1} {tijden[^1],8:F1} {totalen[totalen.Length / 2],11:N0} {totalen[^1],8:N0}{(P(0.95) >= 200 ? "  <-- boven 200 ms" : "")}"));
    }

    private static async Task ControleerKetenAsync(NpgsqlDataSource db)
    {
        Console.WriteLine();
        Console.WriteLine($"verify-audit over de hele keten … (belasting {AuditBenchmark.Belasting()})");
        var sw = Stopwatch.StartNew();
        var controle = await new AuditKeten(db, TimeProvider.System).ControleerAsync("benchmark");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verify-audit: {controle.Melding} in {sw.Elapsed.TotalSeconds:F0} s = {controle.Aantal / sw.Elapsed.TotalSeconds:N0} regels/s"));
        if (!controle.Intact)
        {
            throw new InvalidOperationException("De keten is niet intact.");
        }
    }

    private static async Task ToonOmvangAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("""
            select (select max(id) from audit.regel), null,
                   pg_size_pretty(pg_relation_size('audit.regel')), pg_size_pretty(pg_indexes_size('audit.regel')),
                   pg_size_pretty(pg_total_relation_size('audit.regel'))
            """);
        cmd.CommandTimeout = 0;
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"audit.regel: {r.GetInt64(0):N0} regels; tabel {r.GetString(2)}, indexen {r.GetString(3)}, samen {r.GetString(4)}"));
    }

    private static async Task VoerUitAsync(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }
}
