using System.Globalization;
using DuoInburgering.Domain.Synthetisch;
using DuoInburgering.Web.Verwerking.Feiten;

namespace DuoInburgering.Cli;

/// <summary>'seed --persons N [--seed S]': the synthetic population (incident cohort first) through the import path.</summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var personen = CliArgs.Getal(args, "--persons", 1000);
        var seed = CliArgs.Getal(args, "--seed", 20220119);
        if (personen < 0 || personen > SynthetischePopulatie.MaxPersonen)
        {
            throw new CliException($"--persons moet tussen 0 en {SynthetischePopulatie.MaxPersonen} liggen.", 2);
        }
        var auditlog = AuditCommand.AuditlogVoorPersonen();
        await using var db = await CliDatabase.DataSourceAsync();
        var vandaag = DateOnly.FromDateTime(DateTime.Today);
        foreach (var r in await SyntheseImport.ImportAsync(db, new SyntheseOpties(personen, seed, vandaag), TimeProvider.System, auditlog,
            CancellationToken.None))
        {
            await ImportCommand.SchrijfAsync(r, r.Bron.Naam() + ".csv");
        }
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Klaar: {SynthetischePopulatie.IncidentCohort.Count} demopersonen en {personen} synthetische personen."));
        return 0;
    }
}
