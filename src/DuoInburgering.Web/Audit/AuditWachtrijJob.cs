using Npgsql;

namespace DuoInburgering.Web.Audit;

/// <summary>
/// Moves queued disclosures into the audit chain (<see cref="AuditWachtrij"/>) every
/// <see cref="AuditOpties.WachtrijInterval"/>, in real time (not the injected clock: this is plumbing, not a
/// deadline). A failure (the database away, a migration not yet applied) is logged and retried at the next tick;
/// the rows stay queued. The log gets counts only.
/// </summary>
public sealed partial class AuditWachtrijJob(NpgsqlDataSource dataSource, AuditOpties opties, ILogger<AuditWachtrijJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the host's start-up
        using var timer = new PeriodicTimer(opties.WachtrijInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var n = await AuditWachtrij.VerwerkAsync(dataSource, stoppingToken);
                    if (n > 0)
                    {
                        LogVerwerkt(n);
                    }
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    LogMislukt(e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host stops; what is queued stays queued
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Auditwachtrij: {Aantal} verstrekkingen in de keten opgenomen")]
    private partial void LogVerwerkt(long aantal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auditwachtrij verwerken mislukt ({Soort}); volgende poging over een interval")]
    private partial void LogMislukt(string soort);
}
