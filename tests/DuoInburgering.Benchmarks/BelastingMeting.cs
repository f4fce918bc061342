using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DuoInburgering.Web.Security;
using Npgsql;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// Issue 4: concurrent caseworkers at HTTP level for a while, spread over the largest municipalities,
/// each with its own session cookie, requesting list pages and CSV downloads. Counts errors, and checks
/// every BSN in every answer against the BSNs the municipality holds signals for: one row of another
/// municipality is a leak. Runs against a database filled by the <c>signalen</c> verb (--database).
/// </summary>
internal static partial class BelastingMeting
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Optie(string naam) => args.SkipWhile(a => a != naam).Skip(1).FirstOrDefault();
        var database = Optie("--database") ?? throw new ArgumentException("--database NAAM (gevuld met het signalen-werkwoord) is verplicht.");
        var gebruikers = int.Parse(Optie("--gebruikers") ?? "100", CultureInfo.InvariantCulture);
        var duur = TimeSpan.FromSeconds(int.Parse(Optie("--seconden") ?? "120", CultureInfo.InvariantCulture));
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Pib")
            ?? throw new ArgumentException("ConnectionStrings__Pib is verplicht (de server van --database).");
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

        var gemeenten = await GrootsteGemeentenAsync(cs, 10);
        var eigen = new Dictionary<string, HashSet<string>>();
        var van = new Dictionary<string, DateOnly>();
        var persoon = new Dictionary<string, string>();
        foreach (var g in gemeenten)
        {
            eigen[g] = await EigenBsnsAsync(cs, g);
            van[g] = await SignalenDownloadMeting.VanAsync(cs, g, 2_000);
            persoon[g] = await ZichtbarePersoonAsync(cs, g);
        }
        Console.WriteLine($"{gebruikers} klantmanagers, {duur.TotalSeconds:F0} s, gemeenten: {string.Join(", ", gemeenten)}");

        await using var factory = SignalenDownloadMeting.StartPortaal(cs);

        var tijden = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        long fouten = 0, lekken = 0, rijen = 0;
        var foutVoorbeelden = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(duur);
        var werkers = Enumerable.Range(0, gebruikers).Select(i => Task.Run(async () =>
        {
            var g = gemeenten[i % gemeenten.Count];
            using var client = factory.CreateClient();
            client.Timeout = TimeSpan.FromMinutes(2);
            client.DefaultRequestHeaders.Add("Cookie", $"{PibSessie.CookieNaam}={SignalenDownloadMeting.SessieCookie(factory.Services, g)}");
            string[] adressen =
            [
                "/gemeente/signalen/wi2021",
                "/gemeente/signalen/wi2013",
                $"/gemeente/signalen/wi2021/download.csv?van={van[g]:yyyy-MM-dd}",
                "/gemeente/personen/" + persoon[g],
            ];
            for (var n = i; !stop.IsCancellationRequested; n++)
            {
                var adres = adressen[n % adressen.Length];
                var soort = adres.Contains("download", StringComparison.Ordinal) ? "download" : adres.Contains("personen", StringComparison.Ordinal) ? "persoon" : "lijst";
                var sw = Stopwatch.StartNew();
                try
                {
                    using var antwoord = await client.GetAsync(new Uri(adres, UriKind.Relative));
                    var inhoud = await antwoord.Content.ReadAsStringAsync();
                    tijden.GetOrAdd(soort, _ => []).Add(sw.Elapsed.TotalMilliseconds);
                    if (!antwoord.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref fouten);
                        foutVoorbeelden.Add($"{(int)antwoord.StatusCode} {adres}");
                        continue;
                    }
                    var gezien = soort == "download"
                        ? inhoud.Split('\n').Skip(1).Where(r => r.Length >= 9).Select(r => r.TrimStart('\uFEFF')[..9]).ToList()
                        : PersoonLink().Matches(inhoud).Select(m => m.Groups[1].Value).ToList();
                    Interlocked.Add(ref rijen, gezien.Count);
                    Interlocked.Add(ref lekken, gezien.Count(b => !eigen[g].Contains(b)));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref fouten);
                    foutVoorbeelden.Add($"{e.GetType().Name} {adres}");
                }
                catch (TaskCanceledException)
                {
                }
            }
        })).ToList();
        await Task.WhenAll(werkers);

        foreach (var (soort, lijst) in tijden.OrderBy(t => t.Key))
        {
            var gesorteerd = lijst.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {soort,-9} {gesorteerd.Length,7:N0} verzoeken, p50 {gesorteerd[gesorteerd.Length / 2],7:F0} ms, p95 {gesorteerd[(int)(gesorteerd.Length * 0.95)],7:F0} ms"));
        }
        Console.WriteLine($"Fouten: {fouten}; BSN's in antwoorden gecontroleerd: {rijen:N0}; van een andere gemeente: {lekken}");
        foreach (var voorbeeld in foutVoorbeelden.Take(5))
        {
            Console.WriteLine("  " + voorbeeld);
        }
        return fouten == 0 && lekken == 0 ? 0 : 1;
    }

    [GeneratedRegex("gemeente/personen/([0-9]{9})")]
    private static partial Regex PersoonLink();

    private static async Task<string> ZichtbarePersoonAsync(string cs, string gemeente)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select bsn from persoon where pub_gemeente_code = @g and not geparkeerd and pub_uitkomst in ('Wi2007', 'Wi2013', 'Wi2021') limit 1000
            """, conn);
        cmd.Parameters.AddWithValue("g", gemeente);
        // The filled database numbers persons plainly; the person page answers only a BSN that passes the elfproef.
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            if (DuoInburgering.Domain.Identiteit.Bsn.TryParse(r.GetString(0), out _))
            {
                return r.GetString(0);
            }
        }
        throw new InvalidOperationException($"Geen zichtbare persoon met een geldig BSN in {gemeente}.");
    }

    private static async Task<List<string>> GrootsteGemeentenAsync(string cs, int aantal)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "select gemeente_code from signaal where ingetrokken_op is null group by gemeente_code order by count(*) desc limit @n", conn);
        cmd.Parameters.AddWithValue("n", aantal);
        var lijst = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            lijst.Add(r.GetString(0));
        }
        return lijst;
    }

    /// <summary>Every BSN the municipality may find in an answer: those it holds visible signals for, or may see as a person.</summary>
    private static async Task<HashSet<string>> EigenBsnsAsync(string cs, string gemeente)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select bsn from signaal where gemeente_code = @g and ingetrokken_op is null
            union select bsn from persoon where pub_gemeente_code = @g or pip_gemeente_code = @g or vorige_pip_gemeente_code = @g
            """, conn);
        cmd.Parameters.AddWithValue("g", gemeente);
        var set = new HashSet<string>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            set.Add(r.GetString(0));
        }
        return set;
    }
}
