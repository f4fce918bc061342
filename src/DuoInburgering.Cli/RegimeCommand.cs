using DuoInburgering.Domain.Evaluatie;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Cli;

/// <summary>'regime FILE.csv [--ruleset VERSIE]': the policy staff's rule evaluator; needs no database.</summary>
internal static class RegimeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            throw new CliException("Gebruik: regime BESTAND.csv [--ruleset 2022-03]", 2);
        }
        var rules = RegimeRegelsets.Huidig;
        var i = Array.IndexOf(args, "--ruleset");
        if (i > 0)
        {
            if (i + 1 >= args.Length || !RegimeRegelsets.TryGet(args[i + 1], out var gekozen))
            {
                throw new CliException($"Onbekende regelset. Bekend: {string.Join(", ", RegimeRegelsets.Alle.Select(r => r.Versie))}.", 2);
            }
            rules = gekozen;
        }
        var path = args[1];
        if (!File.Exists(path))
        {
            throw new CliException($"Bestand niet gevonden: {path}", 2);
        }
        using var input = new StreamReader(path);
        var output = new StringWriter();
        try
        {
            RegimeCsv.Evaluate(input, output, rules);
        }
        catch (RegimeCsvException e)
        {
            throw new CliException(e.Message, 2);
        }
        await Console.Out.WriteAsync(output.ToString());
        return 0;
    }
}
