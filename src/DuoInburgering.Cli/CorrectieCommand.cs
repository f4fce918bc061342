using System.Globalization;
using DuoInburgering.Web.Features.Correcties;
using DuoInburgering.Web.Verwerking;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DuoInburgering.Cli;

/// <summary>
/// 'regelset' (show or set the active rule set, e.g. 2021-12 to replay January 2022) and 'correctie'
/// (preview, apply the confirmed preview by its hash, resume an interrupted run): the same code as the
/// page /duo/correcties.
/// </summary>
internal static class CorrectieCommand
{
    private const string RegelsetGebruik = "Gebruik: regelset [VERSIE --reden TEKST [--door NAAM]]";

    private const string CorrectieGebruik = """
        Gebruik: correctie voorbeeld VERSIE [--regime R] [--doelgroep D] [--van JJJJ-MM-DD] [--tot JJJJ-MM-DD] [--gemeente GMxxxx] [--csv PAD]
                 correctie toepassen VERSIE [scope als bij voorbeeld] --hash HASH [--door NAAM]
                 correctie hervat NUMMER [--door NAAM]
        """;

    public static async Task<int> RegelsetAsync(string[] args)
    {
        await using var db = await CliDatabase.DataSourceAsync();
        if (args.Length < 2)
        {
            var stand = await ActieveRegelset.LeesAsync(db, CancellationToken.None);
            await Console.Out.WriteLineAsync(stand.GewijzigdOp is { } op
                ? $"Actieve regelset: {stand.Versie} (sinds {Tijd(op)} door {stand.GewijzigdDoor}: {stand.Reden})"
                : $"Actieve regelset: {stand.Versie} (standaard)");
            return 0;
        }
        if (args[1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CliException(RegelsetGebruik, 2);
        }
        var reden = CliArgs.Optie(args, "--reden", RegelsetGebruik);
        if (string.IsNullOrWhiteSpace(reden))
        {
            throw new CliException($"Geef een reden op met --reden.\n{RegelsetGebruik}", 2);
        }
        var door = CliArgs.Optie(args, "--door", RegelsetGebruik) ?? Environment.UserName;
        var nieuw = await ActieveRegelset.WijzigAsync(db, args[1], door, reden, TimeProvider.System, AuditCommand.Auditlog(),
            CancellationToken.None);
        await Console.Out.WriteLineAsync(
            $"Actieve regelset is nu {nieuw.Versie}. Nieuwe feiten worden daarmee bepaald; wie al bepaald is, houdt zijn besluit tot een correctie.");
        return 0;
    }

    public static async Task<int> CorrectieAsync(string[] args)
    {
        if (args.Length < 3)
        {
            throw new CliException(CorrectieGebruik, 2);
        }
        await using var db = await CliDatabase.DataSourceAsync();
        // A preview writes nothing; applying records every person it changes (pseudonymised: the key is needed).
        var auditlog = args[1] is "toepassen" or "hervat" ? AuditCommand.AuditlogVoorPersonen() : AuditCommand.Auditlog();
        var dienst = new Correctiedienst(db, TimeProvider.System, auditlog);
        var door = CliArgs.Optie(args, "--door", CorrectieGebruik) ?? Environment.UserName;
        switch (args[1])
        {
            case "hervat":
                if (!long.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    throw new CliException(CorrectieGebruik, 2);
                }
                await SchrijfAsync(await dienst.HervatAsync(id, door, CancellationToken.None));
                return 0;
            case "voorbeeld":
            case "toepassen":
                var query = new Dictionary<string, StringValues> { ["versie"] = args[2] };
                foreach (var optie in new[] { "regime", "doelgroep", "van", "tot", "gemeente" })
                {
                    if (CliArgs.Optie(args, "--" + optie, CorrectieGebruik) is { } waarde)
                    {
                        query[optie] = waarde;
                    }
                }
                var (versie, scope, fouten) = CorrectieUrl.Lees(new QueryCollection(query));
                if (versie is null || scope is null)
                {
                    throw new CliException(string.Join(" ", fouten.Values.SelectMany(f => f).Distinct()) + "\n" + CorrectieGebruik, 2);
                }
                if (args[1] == "toepassen")
                {
                    var hash = CliArgs.Optie(args, "--hash", CorrectieGebruik)
                        ?? throw new CliException("Geef met --hash de hash van het voorbeeld dat u hebt gecontroleerd.\n" + CorrectieGebruik, 2);
                    await SchrijfAsync(await dienst.ToepassenAsync(versie, scope, hash, door, CancellationToken.None));
                    return 0;
                }
                var v = await dienst.VoorbeeldAsync(versie, scope, CancellationToken.None);
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Voorbeeld regelset {v.RegelsetVersie}, scope {v.Scope.Omschrijving()}: {v.Personen} personen opnieuw bepaald, {v.InScope} in de scope, " +
                    $"{v.Wijzigingen.Count} zouden wijzigen ({v.VerlatenWi2021} verlaten de Wi2021 met {v.Ss190} SS190-signalen, {v.Herbepaald} opnieuw bepaald)."));
                await Console.Out.WriteLineAsync("GEMEENTE  NU  NA  GEPARKEERD  SS190");
                foreach (var g in v.PerGemeente)
                {
                    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{g.Gemeente ?? "(geen)",-8}  {g.Oud}  {g.Nieuw}  {g.Geparkeerd}  {g.Ss190}"));
                }
                await Console.Out.WriteLineAsync($"Hash: {v.Hash}");
                if (CliArgs.Optie(args, "--csv", CorrectieGebruik) is { } pad)
                {
                    await SchrijfCsvAsync(pad, v);
                }
                return 0;
            default:
                throw new CliException(CorrectieGebruik, 2);
        }
    }

    private static async Task SchrijfCsvAsync(string pad, Voorbeeld v)
    {
        await using var bestand = File.Create(pad);
        await CorrectieDownload.SchrijfAsync(bestand, v, CancellationToken.None);
    }

    private static async Task SchrijfAsync(ToepassingResultaat r) =>
        await Console.Out.WriteLineAsync(r.Uitkomst switch
        {
            ToepassingUitkomst.AlToegepast => $"Deze correctie is al toegepast (correctie {r.CorrectieId}); er is niets gewijzigd.",
            _ => string.Create(CultureInfo.InvariantCulture,
                $"Correctie {r.CorrectieId} {(r.Uitkomst == ToepassingUitkomst.Hervat ? "hervat en afgerond" : "toegepast")}: " +
                $"{r.Verwerkt} personen verwerkt, {r.Ss190} SS190-signalen, {r.Signalen} andere signalen."),
        });

    private static string Tijd(DateTimeOffset op) => Web.Components.Weergave.Moment(op);
}
