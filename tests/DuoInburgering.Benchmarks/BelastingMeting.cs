using DuoInburgering.Domain.Identiteit;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Signalen;
using DuoInburgering.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// Issue 4: concurrent caseworkers on the real portal for a while, spread over the largest municipalities,
/// each with its own session cookie: list pages, CSV downloads and a person page over HTTP, and the list's rows
/// as the page's grid asks for them over its circuit (<see cref="SignalenZoeken"/> from the portal's own services;
/// the page's HTML holds none). Counts errors, and checks every BSN in every answer against the BSNs the
/// municipality may hold: one of another municipality is a leak. Runs against a database filled by the
/// <c>signalen</c> verb (--database).
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

        var zoeken = factory.Services.GetRequiredService<SignalenZoeken>();
        var tijden = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var gecontroleerd = new ConcurrentDictionary<string, StrongBox<long>>();
        long fouten = 0, lekken = 0;
        var foutVoorbeelden = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(duur);
        var werkers = Enumerable.Range(0, gebruikers).Select(i => Task.Run(async () =>
        {
            var g = gemeenten[i % gemeenten.Count];
            using var client = factory.CreateClient();
            client.Timeout = TimeSpan.FromMinutes(2);
            client.DefaultRequestHeaders.Add("Cookie", $"{PibSessie.CookieNaam}={SignalenDownloadMeting.SessieCookie(factory.Services, g)}");
            var gebruiker = new PibGebruiker("bench", "Benchmark", Rol.Gemeente, GemeenteCode.Parse(g));
            async Task<List<string>?> Http(string adres, bool csv)
            {
                using var antwoord = await client.GetAsync(new Uri(adres, UriKind.Relative));
                var inhoud = await antwoord.Content.ReadAsStringAsync();
                if (!antwoord.IsSuccessStatusCode)
                {
                    foutVoorbeelden.Add($"{(int)antwoord.StatusCode} {adres}");
                    return null;
                }
                return csv
                    ? inhoud.Split('\n').Skip(1).Where(r => r.Length >= 9).Select(r => r.TrimStart('\uFEFF')[..9]).ToList()
                    : PersoonLink().Matches(inhoud).Select(m => m.Groups[1].Value).ToList();
            }
            // The list page's HTML holds no rows: its grid asks for them over the circuit, through SignalenZoeken. So the
            // rows are asked for as the circuit does, from the same portal's services, paging through the first ten pages.
            async Task<List<string>?> Lijst(Regime regime, int pagina) =>
                [.. (await zoeken.ZoekAsync(gebruiker, new SignaalFilter(regime) { Pagina = pagina }, stop.Token)).Rijen.Select(r => r.Bsn)];
            (string Soort, Func<int, Task<List<string>?>> Vraag)[] verzoeken =
            [
                ("pagina", _ => Http("/gemeente/signalen/wi2021", csv: false)),
                ("lijst", n => Lijst(Regime.Wi2021, n / 6 % 10)),
                ("lijst", _ => Lijst(Regime.Wi2013, 0)),
                ("download", _ => Http($"/gemeente/signalen/wi2021/download.csv?van={van[g]:yyyy-MM-dd}", csv: true)),
                ("persoon", _ => Http("/gemeente/personen/" + persoon[g], csv: false)),
                ("pagina", _ => Http("/gemeente/signalen/wi2013", csv: false)),
            ];
            for (var n = i; !stop.IsCancellationRequested; n++)
            {
                var (soort, vraag) = verzoeken[n % verzoeken.Length];
                var sw = Stopwatch.StartNew();
                try
                {
                    var gezien = await vraag(n);
                    tijden.GetOrAdd(soort, _ => []).Add(sw.Elapsed.TotalMilliseconds);
                    if (gezien is null)
                    {
                        Interlocked.Increment(ref fouten);
                        continue;
                    }
                    Interlocked.Add(ref gecontroleerd.GetOrAdd(soort, _ => new StrongBox<long>()).Value, gezien.Count);
                    Interlocked.Add(ref lekken, gezien.Count(b => !eigen[g].Contains(b)));
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref fouten);
                    foutVoorbeelden.Add($"{e.GetType().Name} {soort}: {e.Message}");
                }
            }
        })).ToList();
        await Task.WhenAll(werkers);

        foreach (var (soort, lijst) in tijden.OrderBy(t => t.Key))
        {
            var gesorteerd = lijst.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {soort,-9} {gesorteerd.Length,7:N0} verzoeken, p50 {gesorteerd[gesorteerd.Length / 2],7:F0} ms, p95 {gesorteerd[(int)(gesorteerd.Length * 0.95)],7:F0} ms, " +
                $"{(gecontroleerd.TryGetValue(soort, out var bsns) ? bsns.Value : 0),10:N0} BSN's gecontroleerd"));
        }
        Console.WriteLine($"Fouten: {fouten}; BSN's in antwoorden gecontroleerd: {gecontroleerd.Values.Sum(b => b.Value):N0}; van een andere gemeente: {lekken}");
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
