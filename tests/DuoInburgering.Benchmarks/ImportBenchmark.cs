using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Features.Correcties;
using DuoInburgering.Web.Verwerking.Feiten;
using DuoInburgering.Web.Verwerking;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// End-to-end import benchmark (issue 3): N synthetic persons; COPY of the IND file into a bare table
/// versus import + derive + emit of the same file, in the same run; then the correction preview
/// (re-derive everyone under rule sets 2021-12 and 2022-03, nothing written) and, with --toepassen N, applying
/// the January 2022 correction to about N persons (issue 5). After the IND import, <see cref="SchrijfVloer"/> measures
/// the least time any import writing the same rows into these tables could take. --regelset 2021-12 imports under the wrong rule,
/// as in January 2022; --database NAAM keeps the filled database and reuses it on the next run (no import).
/// Uses ConnectionStrings__Pib when set, otherwise a throwaway local PostgreSQL cluster. Wall-clock figures:
/// run on a quiet machine.
/// </summary>
internal static class ImportBenchmark
{
    /// <summary>The portal's demo key: the benchmark writes every audit entry an import writes in production.</summary>
    private static readonly Auditlog Auditlog = new(AuditOpties.Demo, TimeProvider.System);

    public static async Task<int> RunAsync(string[] args)
    {
        var personen = Getal(args, "--persons", 1_000_000);
        var toepassen = Getal(args, "--toepassen", 0);
        var regelset = Optie(args, "--regelset") ?? RegimeRegelsets.Huidig.Versie;
        var bewaren = Optie(args, "--database");
        var map = Directory.CreateTempSubdirectory("pib-bench-");
        LocalPostgres? cluster = null;
        try
        {
            string server;
            (server, cluster) = await BenchmarkDatabase.ServerAsync();
            var naam = bewaren ?? "pib_bench_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = naam }.ConnectionString;
            var bestaat = bewaren is not null && await BenchmarkDatabase.BestaatAsync(server, naam);
            if (!bestaat)
            {
                await BenchmarkDatabase.VoerUitAsync(server, $"create database {naam}");
            }
            await BenchmarkDatabase.MigreerAsync(cs);
            await using var db = NpgsqlDataSource.Create(cs);
            if (bestaat)
            {
                Console.WriteLine($"Database {naam} bestaat al: genereren en importeren overgeslagen.");
            }
            else
            {
                await ImporteerAsync(db, cs, personen, regelset, map);
            }

            await BenchmarkDatabase.VoerUitAsync(cs, "vacuum analyze");
            Voorbeeld? volledig = null;
            foreach (var versie in new[] { "2021-12", "2022-03" })
            {
                var (v, t) = await MeetAsync(() => Herbepalingsvoorbeeld.BerekenAsync(db, RegimeRegelsets.Get(versie), default));
                Console.WriteLine($"Voorbeeld regelset {versie}: {v.Personen:N0} personen herbepaald in {t.TotalSeconds:F2} s, " +
                    $"{v.Wijzigingen.Count:N0} zouden wijzigen ({v.VerlatenWi2021:N0} verlaten de Wi2021, {v.Ss190:N0} SS190) (doel: onder 10 s)");
                volledig = versie == Regelset2022_03.VersieCode ? v : volledig;
            }
            if (toepassen > 0)
            {
                await ToepassenAsync(db, volledig!, toepassen);
            }
            if (bewaren is null)
            {
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
            map.Delete(recursive: true);
        }
    }

    /// <summary>Generates the population and imports COA, BRP and IND under <paramref name="regelset"/> (2021-12: January 2022 as it went wrong).</summary>
    private static async Task ImporteerAsync(NpgsqlDataSource db, string cs, int personen, string regelset, DirectoryInfo map)
    {
        if (regelset != RegimeRegelsets.Huidig.Versie)
        {
            await ActieveRegelset.WijzigAsync(db, regelset, "benchmark", "benchmark onder deze regelset", TimeProvider.System, Auditlog, default);
            Console.WriteLine($"Actieve regelset tijdens de import: {regelset}");
        }
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
            var (r, t) = await MeetAsync(() => FeitenImport.ImportAsync(db, bron, Pad(bron), TimeProvider.System, Auditlog, default));
            Console.WriteLine($"Import {bron.Code()}: {r.Verwerkt:N0} berichten in {t.TotalSeconds:F2} s");
        }

        var kaal = await MeetAsync(() => KaleCopyAsync(db, Pad(FeitBron.Ind)));
        long auditVoor;
        await using (var cmd = db.CreateCommand("select coalesce(max(id), 0) from audit.regel"))
        {
            auditVoor = (long)(await cmd.ExecuteScalarAsync())!;
        }
        var (import, tijd) = await MeetAsync(() => FeitenImport.ImportAsync(db, FeitBron.Ind, Pad(FeitBron.Ind), TimeProvider.System, Auditlog, default));
        Console.WriteLine($"COPY van ind.csv in een kale tabel: {kaal.Resultaat:N0} rijen in {kaal.Tijd.TotalSeconds:F2} s");
        Console.WriteLine($"Import + herbepaling + signalen:   {import.Verwerkt:N0} rijen in {tijd.TotalSeconds:F2} s " +
            $"({import.Herbepaling.Personen:N0} personen, {import.Herbepaling.Signalen:N0} signalen)");
        Console.WriteLine($"Verhouding: {tijd / kaal.Tijd:F2}x (doel: hoogstens 5x)");
        await using (var cmd = db.CreateCommand("select soort, count(*) from audit.regel group by soort order by soort"))
        await using (var lezer = await cmd.ExecuteReaderAsync())
        {
            var soorten = new List<string>();
            while (await lezer.ReadAsync())
            {
                soorten.Add($"{lezer.GetString(0)} {lezer.GetInt64(1):N0}");
            }
            Console.WriteLine($"Auditregels na de drie imports: {string.Join(", ", soorten)}");
        }
        await BenchmarkDatabase.VoerUitAsync(cs, "drop table if exists kaal_ind");
        await SchrijfVloer.MeetAsync(db, import.ImportId, auditVoor, kaal.Tijd);
    }

    /// <summary>
    /// Issue 5's apply target: the January 2022 correction (2022-03, scope Wi2021) cut to about
    /// <paramref name="aantal"/> persons with a peildatum upper bound. The earliest Wi2021 peildatums are the
    /// wrong ones (a kennisgeving in early 2022 for a permit of late 2021), so the cut takes every person
    /// leaving Wi2021 first, each with an SS190 per municipality and withdrawals, then early-2022 relinks.
    /// Measured: the scoped preview, and the apply (which recomputes that preview under the correction lock,
    /// records the run and list, and carries it out in chunks).
    /// </summary>
    private static async Task ToepassenAsync(NpgsqlDataSource db, Voorbeeld volledig, int aantal)
    {
        static DateOnly? Sleutel(Wijziging w)
        {
            DateOnly? oud = w.OudeUitkomst == "Wi2021" ? w.OudePeildatum : null;
            DateOnly? nieuw = w.NieuweUitkomst == "Wi2021" ? w.NieuwePeildatum : null;
            return oud is null ? nieuw : nieuw is null ? oud : (oud < nieuw ? oud : nieuw);
        }
        var sleutels = volledig.Wijzigingen.Select(Sleutel).OfType<DateOnly>().Order().ToList();
        if (sleutels.Count == 0)
        {
            Console.WriteLine("Toepassen: niemand in de Wi2021-scope wijzigt; importeer met --regelset 2021-12.");
            return;
        }
        var scope = new CorrectieScope(Regime: Regime.Wi2021, PeildatumTot: sleutels[Math.Min(aantal, sleutels.Count) - 1]);
        var dienst = new Correctiedienst(db, TimeProvider.System, Auditlog);
        var (v, tv) = await MeetAsync(() => dienst.VoorbeeldAsync(Regelset2022_03.VersieCode, scope, default));
        Console.WriteLine($"Voorbeeld scope {scope.Omschrijving()}: {v.Wijzigingen.Count:N0} personen ({v.VerlatenWi2021:N0} verlaten de Wi2021, " +
            $"{v.Herbepaald:N0} opnieuw bepaald, {v.Ss190:N0} SS190) in {tv.TotalSeconds:F2} s");
        long ingetrokkenVoor = await TelIngetrokkenAsync(db);
        var (r, tt) = await MeetAsync(() => dienst.ToepassenAsync(Regelset2022_03.VersieCode, scope, v.Hash, "benchmark", default));
        long ingetrokken = await TelIngetrokkenAsync(db) - ingetrokkenVoor;
        Console.WriteLine($"Toepassen: {r.Verwerkt:N0} personen, {r.Ss190:N0} SS190, {ingetrokken:N0} signalen ingetrokken, " +
            $"{r.Signalen:N0} andere signalen in {tt.TotalSeconds:F2} s (doel: {aantal:N0} personen onder 30 s)");
    }

    private static async Task<long> TelIngetrokkenAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("select count(*) from signaal where ingetrokken_op is not null");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static string? Optie(string[] args, string naam)
    {
        var i = Array.IndexOf(args, naam);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Getal(string[] args, string naam, int standaard) =>
        Optie(args, naam) is { } tekst ? int.Parse(tekst, CultureInfo.InvariantCulture) : standaard;

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
}
