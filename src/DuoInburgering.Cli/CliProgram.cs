namespace DuoInburgering.Cli;

/// <summary>Admin verbs on the same code as the portal. Exit codes: 0 ok, 1 failure, 2 wrong usage or input.</summary>
public static class CliProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await Console.Out.WriteLineAsync(Gebruik);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            return args[0] switch
            {
                "migrate" => await MigrateCommand.RunAsync(),
                "regime" => await RegimeCommand.RunAsync(args),
                "import" => await ImportCommand.RunAsync(args),
                "seed" => await SeedCommand.RunAsync(args),
                "deadlines" => await DeadlinesCommand.RunAsync(),
                "pauzeer" => await PauzeCommand.PauzeerAsync(args),
                "hervat" => await PauzeCommand.HervatAsync(args),
                "pauzes" => await PauzeCommand.OverzichtAsync(),
                "regelset" => await CorrectieCommand.RegelsetAsync(args),
                "correctie" => await CorrectieCommand.CorrectieAsync(args),
                "verify-audit" => await AuditCommand.VerifieerAsync(),
                "purge-audit" => await AuditCommand.OpschonenAsync(),
                _ => await Fout($"Onbekende opdracht '{args[0]}'.\n{Gebruik}"),
            };
        }
        catch (CliException e)
        {
            return await Fout(e.Message, e.ExitCode);
        }
        catch (Web.Data.PibConfigurationException e)
        {
            return await Fout(e.Message, 1);
        }
        catch (Web.Features.Pauzes.PauzeException e)
        {
            return await Fout(e.Message, 1);
        }
        catch (Web.Verwerking.CorrectieException e)
        {
            return await Fout(e.Message, 1);
        }
    }

    private const string Gebruik = """
        Gebruik: dotnet run --project src/DuoInburgering.Cli -- <opdracht>
          migrate                 database bijwerken naar het nieuwste schema (ConnectionStrings__Pib)
          regime BESTAND.csv      regime per rij bepalen (CSV naar stdout); --ruleset VERSIE kiest een regelset
          import ind|coa|brp BESTAND.csv   feiten importeren (één transactie); --rapport PAD schrijft de afgewezen regels
          seed --persons N        synthetische populatie (met incidentcohort) importeren; --seed S voor een andere trekking
          deadlines               deadline-signalen SS126, SS127 en SS128 nu eenmaal verwerken (ConnectionStrings__Pib)
          pauzeer REGIME DOELGROEP --reden TEKST [--door NAAM]
                                  bepaling pauzeren: feiten worden opgeslagen, personen wachten als uitgesteld
          hervat REGIME DOELGROEP --reden TEKST [--door NAAM]
                                  pauze opheffen en de wachtende personen verwerken (één transactie)
          pauzes                  huidige pauzes met het aantal wachtende personen
          regelset [VERSIE --reden TEKST [--door NAAM]]
                                  actieve regelset tonen of zetten (2021-12 om januari 2022 na te spelen, 2022-03)
          correctie voorbeeld VERSIE [--regime R] [--doelgroep D] [--van DATUM] [--tot DATUM] [--gemeente GMxxxx] [--csv PAD]
                                  wie van regime of gemeente zou wisselen, per gemeente geteld, met de hash van de lijst
          correctie toepassen VERSIE [scope] --hash HASH [--door NAAM]
                                  precies dat voorbeeld toepassen (geweigerd als de feiten intussen wijzigden)
          correctie hervat NUMMER [--door NAAM]
                                  een onderbroken correctie afmaken
          verify-audit            de hele auditketen controleren: "intact" met het aantal regels (exit 0) of de eerste verbroken regel (exit 1)
          purge-audit             auditregels voorbij hun bewaartermijn (Audit__Bewaartermijnen__<Soort>=DAGEN) vanaf het begin van de keten opschonen
          REGIME: Wi2007, Wi2013, Wi2021; DOELGROEP: Asielstatushouder, Gezinsmigrant, OverigeMigrant;
          --door is standaard de gebruikersnaam van het besturingssysteem
        """;

    private static async Task<int> Fout(string message, int code = 2)
    {
        await Console.Error.WriteLineAsync(message);
        return code;
    }
}

public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
