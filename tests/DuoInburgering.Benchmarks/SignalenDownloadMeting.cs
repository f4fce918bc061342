using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using DuoInburgering.Web.Security;
using System.Diagnostics;
using System.Globalization;
using DuoInburgering.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// The CSV download through the real portal (Program, its pipeline and endpoint) on Kestrel, signed in
/// with the test sign-in. The host runs in this process, so "extra memory of the web process" is the
/// rise of this process's managed heap and working set over the baseline, sampled every 5 ms while the
/// download runs (the client only counts bytes, so almost all of it is the server's). The factory is
/// keyed on a type of the portal's assembly, since this project has a Program of its own. The CPU time this process used
/// during the download (portal and the byte-counting client) is printed too: on a shared machine it varies less with
/// the load than the wall-clock rate does.
/// </summary>
internal static class SignalenDownloadMeting
{
    /// <summary>Downloads measured after the warm-up; on a shared machine one run says little, so the median is printed too.</summary>
    private const int Keer = 5;

    public static async Task MeetAsync(string cs, string gemeente)
    {
        var van = await VanAsync(cs, gemeente, 100_000);
        await using var factory = StartPortaal(cs);
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        client.DefaultRequestHeaders.Add("Cookie", $"{PibSessie.CookieNaam}={SessieCookie(factory.Services, gemeente)}");

        var url = $"/gemeente/signalen/wi2021/download.csv?van={van:yyyy-MM-dd}";
        Console.WriteLine();
        Console.WriteLine($"Download via Kestrel ({client.BaseAddress}), {url}:");
        // Warm up as a portal that has been running is: the SS190 list, then one full download (JIT tiers, pools, plans).
        await DownloadAsync(client, url + "&code=SS190");
        await DownloadAsync(client, url);
        var snelheden = new List<double>();
        for (var i = 0; i < Keer; i++)
        {
            var wacht = await WachtrijLeegAsync(cs);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var heap0 = GC.GetTotalMemory(true);
            var ws0 = Environment.WorkingSet;
            var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
            long heapMax = heap0, wsMax = ws0;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    heapMax = Math.Max(heapMax, GC.GetTotalMemory(false));
                    wsMax = Math.Max(wsMax, Environment.WorkingSet);
                    await Task.Delay(5);
                }
            });
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var (rijen, bytes) = await DownloadAsync(client, url);
            var tijd = sw.Elapsed;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            await stop.CancelAsync();
            await sampler;
            var alloc = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
            snelheden.Add(rijen / tijd.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {rijen:N0} rijen, {bytes / 1048576.0:F1} MB in {tijd.TotalSeconds:F2} s = {rijen / tijd.TotalSeconds:N0} rijen/s; " +
                $"extra beheerd geheugen (piek) {(heapMax - heap0) / 1048576.0:F1} MB, extra werkgeheugen (piek) {(wsMax - ws0) / 1048576.0:F1} MB, " +
                $"gealloceerd {alloc / 1048576.0:F0} MB; CPU van dit proces {cpu.TotalMilliseconds:F0} ms; belasting {SignalenBenchmark.Belasting()}; " +
                $"daarvoor {wacht.TotalSeconds:F1} s gewacht op de vorige auditregels"));
        }
        snelheden.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {Keer} downloads: mediaan {snelheden[Keer / 2]:N0} rijen/s, beste {snelheden[^1]:N0}, slechtste {snelheden[0]:N0}"));
    }

    /// <summary>
    /// Waits until the portal's background job has chained the audit rows of the previous download (100,000 of them,
    /// AuditWachtrij), so that work, which follows every download on its own, is not counted in the next one's time
    /// on this 2-core machine. How long it waited is printed with each download.
    /// </summary>
    private static async Task<TimeSpan> WachtrijLeegAsync(string cs)
    {
        var klok = Stopwatch.StartNew();
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select exists (select from audit.wachtrij)", conn);
        while ((bool)(await cmd.ExecuteScalarAsync())!)
        {
            await Task.Delay(50);
        }
        return klok.Elapsed;
    }

    /// <summary>The real portal on Kestrel (a free port) against an already filled and migrated database.</summary>
    internal static WebApplicationFactory<DuoInburgering.Web.Features.Signalen.SignalenZoeken> StartPortaal(string cs)
    {
        var factory = new WebApplicationFactory<DuoInburgering.Web.Features.Signalen.SignalenZoeken>().WithWebHostBuilder(b =>
        {
            // A measurement host, not a deployment: Development's weak defaults (demo BSN key, no provider) are fine.
            DuoInburgering.Web.Infrastructure.PibOmgeving.InProcesTesthost = true;
            b.UseEnvironment("Benchmark");
            b.UseContentRoot(PortaalMap());
            b.UseSetting("ConnectionStrings:Pib", cs);
            b.UseSetting("Database:MigrateOnStartup", "false");
            b.UseSetting("Database:SeedDemoData", "false");
            b.UseSetting("Database:DemoPersonen", "0");
            b.UseSetting("Deadlines:Ingeschakeld", "false");
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    /// <summary>src/DuoInburgering.Web, found from the build output upwards (the factory guesses wrong for a non-test project).</summary>
    private static string PortaalMap()
    {
        for (var map = new DirectoryInfo(AppContext.BaseDirectory); map is not null; map = map.Parent)
        {
            if (File.Exists(Path.Combine(map.FullName, "DuoInburgering.sln")))
            {
                return Path.Combine(map.FullName, "src", "DuoInburgering.Web");
            }
        }
        throw new InvalidOperationException("DuoInburgering.sln niet gevonden boven " + AppContext.BaseDirectory);
    }

    private static async Task<(long Rijen, long Bytes)> DownloadAsync(HttpClient client, string url)
    {
        using var antwoord = await client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        antwoord.EnsureSuccessStatusCode();
        await using var stroom = await antwoord.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long regels = 0, bytes = 0;
        int n;
        while ((n = await stroom.ReadAsync(buffer)) > 0)
        {
            bytes += n;
            regels += buffer.AsSpan(0, n).Count((byte)'\n');
        }
        return (regels - 1, bytes);
    }

    /// <summary>The date from which the visible Wi2021 list of the municipality holds about <paramref name="rijen"/> signals.</summary>
    internal static async Task<DateOnly> VanAsync(string cs, string gemeente, int rijen)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select datum from signaal where gemeente_code = @g and regime = 'Wi2021' and ingetrokken_op is null
            order by datum desc offset @n limit 1
            """, conn);
        cmd.Parameters.AddWithValue("g", gemeente);
        cmd.Parameters.AddWithValue("n", rijen);
        return (DateOnly)(await cmd.ExecuteScalarAsync() ?? DateOnly.MinValue);
    }

    /// <summary>A caseworker's session cookie, made with the host's own cookie protection (as the real sign-in would).</summary>
    internal static string SessieCookie(IServiceProvider services, string gemeente)
    {
        var opties = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var principal = PibPrincipal.Maak("bench", "Benchmark", Rol.Gemeente, gemeente, Betrouwbaarheidsniveau.Substantieel, "Benchmark");
        var nu = DateTimeOffset.UtcNow;
        return opties.TicketDataFormat.Protect(new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = nu, ExpiresUtc = nu.AddHours(1) }, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
