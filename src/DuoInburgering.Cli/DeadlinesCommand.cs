using DuoInburgering.Web.Verwerking;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Deadlines;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DuoInburgering.Cli;

/// <summary>
/// 'deadlines': one run of the daily deadline job (SS126, SS127, SS128) now, e.g. after the job was
/// off. Settings as the portal's, from environment variables (Deadlines__AanbodWachttijdDagen, …).
/// </summary>
internal static class DeadlinesCommand
{
    public static async Task<int> RunAsync()
    {
        var auditlog = AuditCommand.AuditlogVoorPersonen();
        await using var dataSource = await CliDatabase.DataSourceAsync();
        var opties = DeadlineOpties.Lees(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        var r = await DeadlineVerwerking.RunAsync(dataSource, TimeProvider.System, opties.Instellingen, auditlog, CancellationToken.None);
        await Console.Out.WriteLineAsync($"""
            Deadlines verwerkt: {r.Gecontroleerd} personen gecontroleerd, {r.Signalen} signalen aangemaakt.
              SS126 {SignaalCatalogus.Naam(SignaalCode.SS126)}: {r.Ss126}
              SS127 {SignaalCatalogus.Naam(SignaalCode.SS127)}: {r.Ss127}
              SS128 {SignaalCatalogus.Naam(SignaalCode.SS128)}: {r.Ss128}
            """);
        return 0;
    }
}
