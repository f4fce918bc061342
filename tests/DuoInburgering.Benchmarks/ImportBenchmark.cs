using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Feiten;
using DuoInburgering.Web.Features.Verwerking;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// End-to-end import benchmark (issue 3): N synthetic persons; COPY of the IND file into a bare table
/// versus import + derive + emit of the same file, in the same run; then the correction preview
/// (re-derive everyone under rule set 2021-12, nothing written). Uses ConnectionStrings__Pib when set,
/// otherwise a throwaway local PostgreSQL cluster. Wall-clock figures: run on a quiet machine.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var i = Array.IndexOf(args, "--persons");
        var personen = i >= 0 ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 1_000_000;
        var map = Directory.CreateTempSubdirectory("pib-bench-");
        LocalPostgres? cluster = null;
        try
        {
            var server = Environment.GetEnvironmentVariable("ConnectionStrings__Pib");
            if (string.IsNullOrEmpty(server))
            {
                // Not under the 0700 temp folder: the server runs as user postgres when started as root.
                cluster = await LocalPostgres.StartAsync(
                    Path.Combine(Path.GetTempPath(), "pib-bench-pg-" + Guid.NewGuid().ToString("N")[..8]), removeOnDispose: true);
                server = cluster.ConnectionString("postgres");
            }
            var naam = "pib_bench_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            await VoerUitAsync(server, $"create database {naam}");
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = naam }.ConnectionString;
            await using (var ctx = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(cs).Options))
            {
                await ctx.Database.MigrateAsync();
            }
            await using var db = NpgsqlDataSource.Create(cs);
            Console.WriteLine($"Genereren: {personen:N0} personen (+ incidentcohort) …");
            string Pad(FeitBron b) => Path.Combine(map.FullName, b.Naam() + ".csv");
            await using (var ind = new StreamWriter(Pad(FeitBron.Ind), false, new UTF8Encoding(false)))
            await using (var coa = new StreamWriter(Pad(FeitBron.Coa), false, new UTF8Encoding(false)))
            await using (var brp = new StreamWriter(Pad(FeitBron.Brp), false, new UTF8Encoding(false)))
            {
                SynthetischePopulatie.Schrijf(new SyntheseOpties(personen), ind, coa, brp);
            }
            foreach (var bron in new[] { FeitBron.Coa, FeitBron.Brp })
            {
                var (r, t) = await MeetAsync(() => FeitenImport.ImportAsync(db, bron, Pad(bron), TimeProvider.System, default));
                Console.WriteLine($"Import {bron.Code()}: {r.Verwerkt:N0} berichten in {t.TotalSeconds:F2} s");
            }

            var kaal = await MeetAsync(() => KaleCopyAsync(db, Pad(FeitBron.Ind)));
            var (import, tijd) = await MeetAsync(() => FeitenImport.ImportAsync(db, FeitBron.Ind, Pad(FeitBron.Ind), TimeProvider.System, default));
            Console.WriteLine($"COPY van ind.csv in een kale tabel: {kaal.Resultaat:N0} rijen in {kaal.Tijd.TotalSeconds:F2} s");
            Console.WriteLine($"Import + herbepaling + signalen:   {import.Verwerkt:N0} rijen in {tijd.TotalSeconds:F2} s " +
                $"({import.Herbepaling.Personen:N0} personen, {import.Herbepaling.Signalen:N0} signalen)");
            Console.WriteLine($"Verhouding: {tijd / kaal.Tijd:F2}x (doel: hoogstens 5x)");

            await VoerUitAsync(cs, "vacuum analyze");
            foreach (var versie in new[] { "2021-12", "2022-03" })
            {
                var (v, t) = await MeetAsync(() => Herbepalingsvoorbeeld.BerekenAsync(db, RegimeRuleSets.Get(versie), default));
                Console.WriteLine($"Voorbeeld regelset {versie}: {v.Personen:N0} personen herbepaald in {t.TotalSeconds:F2} s, " +
                    $"{v.Wijzigingen.Count:N0} zouden wijzigen (doel: onder 10 s)");
            }
            await VoerUitAsync(server, $"drop database {naam} with (force)");
            return 0;
        }
        finally
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }
            map.Delete(recursive: true);
        }
    }

    private static async Task<long> KaleCopyAsync(NpgsqlDataSource db, string pad)
    {
        await using var conn = await db.OpenConnectionAsync();
        var kolommen = string.Join(", ", FeitSchema.Ind.Kolommen.Select(k => k + " text"));
        await using (var create = new NpgsqlCommand($"drop table if exists kaal_ind; create table kaal_ind ({kolommen})", conn))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using (var writer = await conn.BeginTextImportAsync("copy kaal_ind from stdin (format csv, header)"))
        using (var reader = new StreamReader(pad))
        {
            var buffer = new char[1 << 16];
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, n));
            }
        }
        await using var count = new NpgsqlCommand("select count(*) from kaal_ind", conn);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<(T Resultaat, TimeSpan Tijd)> MeetAsync<T>(Func<Task<T>> actie)
    {
        var sw = Stopwatch.StartNew();
        var resultaat = await actie();
        return (resultaat, sw.Elapsed);
    }

    private static async Task VoerUitAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
