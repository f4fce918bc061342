using DuoInburgering.Web.Components;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Features.Pauzes;
using Npgsql;

namespace DuoInburgering.Cli;

/// <summary>'pauzeer', 'hervat' and 'pauzes': DUO staff pause and resume the determination per regime and doelgroep.</summary>
internal static class PauzeCommand
{
    public static async Task<int> PauzeerAsync(string[] args)
    {
        var (regime, doelgroep, door, reden) = LeesGroep(args, "pauzeer");
        await using var dataSource = await CliDatabase.DataSourceAsync();
        await Pauzering(dataSource).PauzeerAsync(regime, doelgroep, door, reden, CancellationToken.None);
        await Console.Out.WriteLineAsync(
            $"{regime}/{doelgroep} gepauzeerd: nieuwe feiten worden opgeslagen, de personen wachten als uitgesteld tot 'hervat'.");
        return 0;
    }

    public static async Task<int> HervatAsync(string[] args)
    {
        var (regime, doelgroep, door, reden) = LeesGroep(args, "hervat");
        await using var dataSource = await CliDatabase.DataSourceAsync();
        var r = await new Pauzering(dataSource, TimeProvider.System, AuditCommand.AuditlogVoorPersonen())
            .HervatAsync(regime, doelgroep, door, reden, CancellationToken.None);
        await Console.Out.WriteLineAsync(
            $"{regime}/{doelgroep} hervat: {r.Verwerkt} wachtende perso(o)n(en) verwerkt, {r.Signalen} signa(a)l(en) aangemaakt.");
        if (r.NogUitgesteld > 0)
        {
            await Console.Out.WriteLineAsync(
                $"{r.NogUitgesteld} perso(o)n(en) vallen nu in een andere gepauzeerde groep en wachten daar verder.");
        }
        return 0;
    }

    public static async Task<int> OverzichtAsync()
    {
        await using var dataSource = await CliDatabase.DataSourceAsync();
        var pauzes = await Pauzering(dataSource).OverzichtAsync(CancellationToken.None);
        if (pauzes.Count == 0)
        {
            await Console.Out.WriteLineAsync("Geen pauzes: de bepaling loopt voor alle regimes en doelgroepen.");
            return 0;
        }
        var rijen = pauzes.Select(p => new[]
        {
            p.Regime.ToString(), p.Doelgroep.ToString(), Weergave.Moment(p.Sinds), p.Door, p.Wachtend.ToString(), p.Reden,
        }).ToList();
        string[] kop = ["REGIME", "DOELGROEP", "SINDS", "DOOR", "WACHTEND", "REDEN"];
        var breedtes = kop.Select((k, i) => rijen.Select(r => r[i].Length).Append(k.Length).Max()).ToArray();
        foreach (var rij in rijen.Prepend(kop))
        {
            await Console.Out.WriteLineAsync(string.Join("  ", rij.Select((c, i) => i == rij.Length - 1 ? c : c.PadRight(breedtes[i]))));
        }
        return 0;
    }

    /// <summary>REGIME DOELGROEP --reden TEKST [--door NAAM]; every mistake is exit 2 with the valid values.</summary>
    private static (Regime Regime, Doelgroep Doelgroep, string Door, string Reden) LeesGroep(string[] args, string opdracht)
    {
        var gebruik = $"Gebruik: {opdracht} REGIME DOELGROEP --reden TEKST [--door NAAM]";
        if (args.Length < 3 || args[1].StartsWith("--", StringComparison.Ordinal) || args[2].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CliException(gebruik, 2);
        }
        var regime = LeesEnum<Regime>(args[1], "Onbekend regime");
        var doelgroep = LeesEnum<Doelgroep>(args[2], "Onbekende doelgroep");
        var reden = CliArgs.Optie(args, "--reden", gebruik);
        if (string.IsNullOrWhiteSpace(reden))
        {
            throw new CliException($"Geef een reden op met --reden.\n{gebruik}", 2);
        }
        var door = CliArgs.Optie(args, "--door", gebruik) ?? Environment.UserName;
        return (regime, doelgroep, door, reden);
    }

    private static T LeesEnum<T>(string waarde, string onbekend) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => string.Equals(v.ToString(), waarde, StringComparison.OrdinalIgnoreCase)).Select(v => (T?)v).FirstOrDefault()
        ?? throw new CliException($"{onbekend} '{waarde}'. Geldig: {string.Join(", ", Enum.GetNames<T>())}.", 2);

    private static Pauzering Pauzering(NpgsqlDataSource dataSource) => new(dataSource, TimeProvider.System, AuditCommand.Auditlog());
}
