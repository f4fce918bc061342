using System.Diagnostics;
using System.Globalization;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// Signal list benchmark (issue 4): N signals (default 10 million), then server-side p50/p95 of
/// <see cref="SignalenZoeken"/> for the largest municipality (GM0363, Wi2021): first page, each single
/// filter, each sort, warm; then a CSV download of about 100,000 signals through the real endpoint on
/// Kestrel (rows per second and the process's extra memory). The target: p95 under 100 ms; the
/// download at 100,000 rows/s or more with less than 64 MB extra. `--database NAME` keeps and reuses a
/// filled database between runs; `--alleen-download` skips the list measurements.
/// </summary>
internal static class SignalenBenchmark
{
    private const string Gemeente = "GM0363";
    private const int Opwarmen = 5;
    private const int Metingen = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        string? Optie(string naam) => Array.IndexOf(args, naam) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var signalen = long.Parse(Optie("--signalen") ?? "10000000", CultureInfo.InvariantCulture);
        var bewaarNaam = Optie("--database");
        LocalPostgres? cluster = null;
        try
        {
            string server;
            (server, cluster) = await BenchmarkDatabase.ServerAsync();
            var naam = bewaarNaam ?? "pib_bench_signalen_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = naam }.ConnectionString;
            if (!await BenchmarkDatabase.BestaatAsync(server, naam))
            {
                // Filled under a temporary name and renamed when complete, so a broken run is never reused.
                var tijdelijk = naam + "_vullen";
                await BenchmarkDatabase.VoerUitAsync(server, $"drop database if exists {tijdelijk} with (force)");
                await BenchmarkDatabase.VoerUitAsync(server, $"create database {tijdelijk}");
                var tijdelijkCs = new NpgsqlConnectionStringBuilder(server) { Database = tijdelijk }.ConnectionString;
                await BenchmarkDatabase.MigreerAsync(tijdelijkCs);
                await using (var vul = NpgsqlDataSource.Create(tijdelijkCs))
                {
                    Console.WriteLine($"Vullen: {signalen:N0} signalen …");
                    await SignalenVulling.VulAsync(vul, signalen);
                }
                NpgsqlConnection.ClearAllPools();
                await BenchmarkDatabase.VoerUitAsync(server, $"alter database {tijdelijk} rename to {naam}");
            }
            else
            {
                Console.WriteLine($"Bestaande database {naam} wordt hergebruikt.");
            }

            await using var dataSource = NpgsqlDataSource.Create(cs);
            await ToonOmvangAsync(dataSource);
            if (!args.Contains("--alleen-download"))
            {
                await MeetZoekenAsync(cs);
            }
            await SignalenDownloadMeting.MeetAsync(cs, Gemeente);
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

    private static async Task MeetZoekenAsync(string cs)
    {
        var factory = new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(cs).Options);
        var zoeken = new SignalenZoeken(new GemeenteSessies(factory, TimeProvider.System, new DuoInburgering.Web.Features.Audit.Auditlog(DuoInburgering.Web.Features.Audit.AuditOpties.Demo, TimeProvider.System)), TimeProvider.System);
        var gebruiker = new PibGebruiker("bench", "Benchmark", Rol.Gemeente, Gemeente);
        string bsn;
        await using (var db = factory.CreateDbContext())
        {
            // The generated BSNs are plain numbers; the search accepts only ones that pass the elfproef.
            var kandidaten = await db.Signalen.Where(s => s.GemeenteCode == Gemeente && s.Regime == "Wi2021" && s.IngetrokkenOp == null)
                .Select(s => s.Bsn).Take(1000).ToListAsync();
            bsn = kandidaten.First(b => Domain.Identiteit.Bsn.Controleer(b) is null);
        }

        var basis = new SignaalFilter(Regime.Wi2021);
        (string Naam, SignaalFilter Filter)[] gevallen =
        [
            ("eerste pagina (datum aflopend)", basis),
            ("filter code SS101", basis with { Code = "SS101" }),
            ("filter code SS190 (zeldzaam)", basis with { Code = "SS190" }),
            ("filter datum van-tot (1 maand)", basis with { Van = new DateOnly(2024, 3, 1), Tot = new DateOnly(2024, 3, 31) }),
            ("filter datum van (oud)", basis with { Van = new DateOnly(2022, 2, 1) }),
            ("filter afgehandeld: nee", basis with { Afgehandeld = false }),
            ("filter afgehandeld: ja", basis with { Afgehandeld = true }),
            ("filter doelgroep Gezinsmigrant", basis with { Doelgroep = Doelgroep.Gezinsmigrant }),
            ("zoeken op BSN", basis with { Zoekterm = bsn }),
            ("zoeken op naam 'haddad'", basis with { Zoekterm = "haddad" }),
            ("zoeken op naam 'an' (veel treffers)", basis with { Zoekterm = "an" }),
            ("zoeken op naam 'xq' (geen treffers)", basis with { Zoekterm = "xq" }),
            ("sorteer datum oplopend", basis with { Aflopend = false }),
            ("sorteer code oplopend", basis with { Sorteer = SignaalSortering.Code, Aflopend = false }),
            ("sorteer code aflopend", basis with { Sorteer = SignaalSortering.Code }),
            ("sorteer bsn oplopend", basis with { Sorteer = SignaalSortering.Bsn, Aflopend = false }),
            ("sorteer bsn aflopend", basis with { Sorteer = SignaalSortering.Bsn }),
            ("pagina 40 (offset 1000)", basis with { Pagina = 40 }),
        ];

        Console.WriteLine();
        Console.WriteLine($"SignalenZoeken, {Gemeente} Wi2021, 25 rijen, {Metingen} metingen na {Opwarmen} keer opwarmen (ms, server-side):");
        Console.WriteLine($"{"geval",-40} {"p50",8} {"p95",8} {"max",8} {"totaal",10}");
        foreach (var (naam, filter) in gevallen)
        {
            await MeetAsync(naam, () => zoeken.ZoekAsync(gebruiker, filter), u => u.Totaal, u => u.MeerDan);
        }
        Console.WriteLine("Gegroepeerd per persoon (geen doel gesteld, ter informatie):");
        await MeetAsync("per persoon, eerste pagina", () => zoeken.ZoekPerPersoonAsync(gebruiker, basis), u => u.Totaal, u => u.MeerDan);
        await MeetAsync("per persoon, code SS190", () => zoeken.ZoekPerPersoonAsync(gebruiker, basis with { Code = "SS190" }), u => u.Totaal, u => u.MeerDan);
    }

    private static async Task MeetAsync<T>(string naam, Func<Task<T>> actie, Func<T, int> totaal, Func<T, bool> meer)
    {
        T laatste = default!;
        for (var i = 0; i < Opwarmen; i++)
        {
            laatste = await actie();
        }
        var tijden = new double[Metingen];
        for (var i = 0; i < Metingen; i++)
        {
            var sw = Stopwatch.StartNew();
            laatste = await actie();
            tijden[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(tijden);
        double P(double q) => tijden[Math.Clamp((int)Math.Ceiling(q * tijden.Length) - 1, 0, tijden.Length - 1)];
        var aantal = (meer(laatste) ? ">" : "") + totaal(laatste).ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{naam,-40} {P(0.5),8:F1} {P(0.95),8:F1} {tijden[^1],8:F1} {aantal,10}{(P(0.95) >= 100 ? "  <-- boven 100 ms" : "")}"));
    }

    private static async Task ToonOmvangAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("""
            select (select count(*) from signaal), (select count(*) from persoon),
                   (select count(*) from signaal where gemeente_code = 'GM0363'),
                   (select count(*) from signaal where gemeente_code = 'GM0363' and regime = 'Wi2021' and ingetrokken_op is null)
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Database: {r.GetInt64(0):N0} signalen, {r.GetInt64(1):N0} personen; {Gemeente}: {r.GetInt64(2):N0} signalen, waarvan {r.GetInt64(3):N0} zichtbaar in Wi2021."));
    }
}
