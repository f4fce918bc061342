using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Web.Components;

namespace DuoInburgering.Web.Audit;

/// <summary>
/// Daily at <see cref="AuditOpties.OnderhoudTijdstip"/> (Europe/Amsterdam): purge what is past its retention,
/// then check the whole chain and record the outcome (the auditor's start page shows it). On the injected
/// <see cref="TimeProvider"/> only, so tests drive it with a fake clock. Not at start-up: a check over tens
/// of millions of rows belongs in the night. The log gets counts and row ids, never a BSN.
/// </summary>
public sealed partial class AuditJob(AuditKeten keten, AuditOpties opties, TimeProvider clock, ILogger<AuditJob> logger) : BackgroundService
{
    public const string Door = "dagelijkse controle";

    private readonly Lock _gate = new();
    private int _aantalRuns;
    private DateTimeOffset? _volgendeRun;

    /// <summary>Runs finished, with or without success.</summary>
    public int AantalRuns => Volatile.Read(ref _aantalRuns);

    /// <summary>The next planned run, set once its timer exists (so a test may move the clock from then on).</summary>
    public DateTimeOffset? VolgendeRun
    {
        get { lock (_gate) { return _volgendeRun; } }
        private set { lock (_gate) { _volgendeRun = value; } }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!opties.OnderhoudIngeschakeld)
        {
            LogUitgeschakeld();
            return;
        }
        await Task.Yield(); // never hold up the host's start-up
        try
        {
            while (true)
            {
                var volgende = DagPlanning.VolgendeRun(clock.GetUtcNow(), opties.OnderhoudTijdstip, DagPlanning.Amsterdam);
                for (var nu = clock.GetUtcNow(); nu < volgende; nu = clock.GetUtcNow())
                {
                    var wachten = Task.Delay(volgende - nu, clock, stoppingToken);
                    VolgendeRun = volgende;
                    await wachten;
                }
                await RunEenmaalAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host stops
        }
    }

    private async Task RunEenmaalAsync(CancellationToken ct)
    {
        try
        {
            var opgeschoond = await keten.OpschonenAsync(opties.BewaartermijnDagen, ct);
            if (opgeschoond.Aantal > 0)
            {
                LogOpgeschoond(opgeschoond.Aantal, opgeschoond.TotEnMet!.Value);
            }
            var controle = await keten.ControleerAsync(Door, ct);
            if (controle.Intact)
            {
                LogIntact(controle.Aantal);
            }
            else
            {
                LogVerbroken(controle.EersteFouteRegel!.Value, controle.Melding);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogMislukt(e);
        }
        finally
        {
            Interlocked.Increment(ref _aantalRuns);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Auditonderhoud uitgeschakeld (Audit:Onderhoud:Ingeschakeld = false).")]
    private partial void LogUitgeschakeld();

    [LoggerMessage(Level = LogLevel.Information, Message = "Auditlog opgeschoond: {Aantal} regels tot en met regel {TotEnMet}.")]
    private partial void LogOpgeschoond(long aantal, long totEnMet);

    [LoggerMessage(Level = LogLevel.Information, Message = "Auditketen intact; gecontroleerde regels: {Aantal}.")]
    private partial void LogIntact(long aantal);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Auditketen verbroken bij regel {Regel}: {Melding}")]
    private partial void LogVerbroken(long regel, string melding);

    [LoggerMessage(Level = LogLevel.Error, Message = "Auditonderhoud mislukt; de volgende run probeert het opnieuw.")]
    private partial void LogMislukt(Exception e);
}
