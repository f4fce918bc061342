using DuoInburgering.Web.Data;
using DuoInburgering.Web.Audit;
using Microsoft.Extensions.Configuration;

namespace DuoInburgering.Cli;

/// <summary>
/// 'verify-audit' checks the whole audit chain (streaming, constant memory) and records the check;
/// 'purge-audit' removes what is past its retention (Audit__Bewaartermijnen__&lt;Soort&gt;=DAGEN) from
/// the start of the chain and records the anchor the chain is checked from afterwards.
/// </summary>
internal static class AuditCommand
{
    public static async Task<int> VerifieerAsync()
    {
        await using var dataSource = await CliDatabase.DataSourceAsync();
        var controle = await new AuditKeten(dataSource, TimeProvider.System).ControleerAsync(Environment.UserName, CancellationToken.None);
        if (controle.Intact)
        {
            await Console.Out.WriteLineAsync($"Auditketen {controle.Melding}");
            return 0;
        }
        await Console.Error.WriteLineAsync($"Auditketen {controle.Melding}");
        return 1;
    }

    public static async Task<int> OpschonenAsync()
    {
        var opties = Opties();
        if (opties.BewaartermijnDagen.Count == 0)
        {
            await Console.Out.WriteLineAsync(
                "Geen bewaartermijnen ingesteld (Audit__Bewaartermijnen__<Soort>=DAGEN): niets opgeschoond, alles wordt bewaard.");
            return 0;
        }
        await using var dataSource = await CliDatabase.DataSourceAsync();
        var r = await new AuditKeten(dataSource, TimeProvider.System).OpschonenAsync(opties.BewaartermijnDagen, CancellationToken.None);
        await Console.Out.WriteLineAsync(r.TotEnMet is { } tot
            ? $"Auditlog opgeschoond: {r.Aantal} regels tot en met regel {tot}; de keten wordt vanaf dat anker gecontroleerd."
            : "Niets opgeschoond: de oudste regel valt nog binnen zijn bewaartermijn.");
        return 0;
    }

    /// <summary>
    /// The portal's settings from environment variables. Without Audit__BsnSleutel the CLI runs only verbs whose
    /// entries carry no BSN (pauzeer, regelset); Development (DOTNET_ or ASPNETCORE_ENVIRONMENT) uses the demo key like the portal.
    /// </summary>
    public static AuditOpties Opties()
    {
        var omgeving = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        return AuditOpties.Lees(new ConfigurationBuilder().AddEnvironmentVariables().Build(), sleutelVerplicht: false,
            demoToegestaan: string.Equals(omgeving, "Development", StringComparison.OrdinalIgnoreCase));
    }

    public static Auditlog Auditlog() => new(Opties(), TimeProvider.System);

    /// <summary>
    /// For the verbs that process persons (import, seed, deadlines, hervat, correctie): their audit entries name
    /// each person by the keyed hash of the BSN, so without the key they refuse before anything is read or written.
    /// </summary>
    /// <exception cref="PibConfigurationException">Audit__BsnSleutel is not set (and this is not Development).</exception>
    public static Auditlog AuditlogVoorPersonen()
    {
        var opties = Opties();
        return opties.BsnSleutel is null
            ? throw new PibConfigurationException(
                "geen sleutel voor het pseudonimiseren van BSN's in de auditlog: zet Audit__BsnSleutel (minstens 32 tekens, dezelfde als het portaal).")
            : new(opties, TimeProvider.System);
    }
}
