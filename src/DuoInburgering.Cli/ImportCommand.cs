using System.Globalization;
using DuoInburgering.Web.Verwerking.Feiten;

namespace DuoInburgering.Cli;

/// <summary>
/// 'import ind|coa|brp BESTAND [--rapport AFWIJZINGEN.csv] [--door NAAM]': bulk facts, one transaction per file. Who started
/// it (<c>--door</c>, else the operating-system user) is recorded in import_run and the audit log.
/// </summary>
internal static class ImportCommand
{
    private const int MaxGetoond = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3 || !FeitBronTekst.TryParse(args[1], out var bron))
        {
            throw new CliException("Gebruik: import ind|coa|brp BESTAND.csv [--rapport AFWIJZINGEN.csv] [--door NAAM]", 2);
        }
        var pad = args[2];
        if (!File.Exists(pad))
        {
            throw new CliException($"Bestand niet gevonden: {pad}", 2);
        }
        var rapportPad = CliArgs.Optie(args, "--rapport");
        var door = CliArgs.Optie(args, "--door") is { } naam ? naam.Trim() : Environment.UserName;
        if (string.IsNullOrWhiteSpace(door))
        {
            throw new CliException("Geef met --door aan wie de import start.", 2);
        }
        var auditlog = AuditCommand.AuditlogVoorPersonen();
        await using var db = await CliDatabase.DataSourceAsync();
        ImportRapport rapport;
        try
        {
            rapport = await FeitenImport.ImportAsync(db, bron, pad, door, TimeProvider.System, auditlog, CancellationToken.None);
        }
        catch (FeitenCsvException e)
        {
            throw new CliException($"{pad}: {e.Message} Er is niets geïmporteerd.", 2);
        }
        await SchrijfAsync(rapport, pad);
        if (rapportPad is not null)
        {
            await SchrijfRapportAsync(rapportPad, rapport);
        }
        return 0;
    }

    public static async Task SchrijfAsync(ImportRapport r, string pad)
    {
        var uit = Console.Out;
        if (r.EerderGeimporteerd is { } eerder)
        {
            await uit.WriteLineAsync($"{pad}: dit bestand is al geïmporteerd (import {eerder}); er is niets gewijzigd.");
            return;
        }
        await uit.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Import {r.ImportId} ({r.Bron.Code()}, {Path.GetFileName(pad)}): {r.Rijen} rijen, {r.Verwerkt} verwerkt, " +
            $"{r.Dubbel} al eerder ontvangen, {r.Afgewezen.Count} afgewezen."));
        await uit.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Herbepaald: {r.Herbepaling.Personen} personen ({r.Herbepaling.Uitgesteld} uitgesteld), {r.Herbepaling.Signalen} signalen."));
        foreach (var a in r.Afgewezen.Take(MaxGetoond))
        {
            await Console.Error.WriteLineAsync($"regel {a.Regel}: {a.Reden}");
        }
        if (r.Afgewezen.Count > MaxGetoond)
        {
            await Console.Error.WriteLineAsync(
                $"… en nog {r.Afgewezen.Count - MaxGetoond} afgewezen regels (alle staan in tabel afwijzing, import {r.ImportId}; of gebruik --rapport).");
        }
    }

    private static async Task SchrijfRapportAsync(string pad, ImportRapport r)
    {
        await using var bestand = File.Create(pad);
        await Web.Features.Importen.AfwijzingenDownload.SchrijfRapportAsync(bestand, r.Afgewezen, CancellationToken.None);
    }
}
