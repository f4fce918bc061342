using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Web.Components;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Audit;
using Npgsql;

namespace DuoInburgering.Web.Features.Deadlines;

/// <summary>
/// Runs <see cref="DeadlineVerwerking"/> once at start-up and then daily at <see cref="DeadlineOpties.Tijdstip"/>
/// (Europe/Amsterdam), on the injected <see cref="TimeProvider"/> only, so tests drive it with a fake
/// clock. A failed run is logged and the job waits for the next one. The log gets counts, never a BSN.
/// </summary>
public sealed partial class DeadlineJob(NpgsqlDataSource dataSource, TimeProvider clock, DeadlineOpties opties, Auditlog auditlog,
    ILogger<DeadlineJob> logger)
    : BackgroundService
{
    private readonly Lock _gate = new();
    private int _aantalRuns;
    private DateTimeOffset? _volgendeRun;
    private DeadlineResultaat? _laatsteResultaat;

    /// <summary>Runs finished, with or without success.</summary>
    public int AantalRuns => Volatile.Read(ref _aantalRuns);

    /// <summary>The next planned run, set once its timer exists (so a test may move the clock from then on).</summary>
    public DateTimeOffset? VolgendeRun
    {
        get { lock (_gate) { return _volgendeRun; } }
        private set { lock (_gate) { _volgendeRun = value; } }
    }

    /// <summary>The last successful run's counts; null before the first one.</summary>
    public DeadlineResultaat? LaatsteResultaat
    {
        get { lock (_gate) { return _laatsteResultaat; } }
        private set { lock (_gate) { _laatsteResultaat = value; } }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!opties.Ingeschakeld)
        {
            LogUitgeschakeld();
            return;
        }
        await Task.Yield(); // never hold up the host's start-up
        try
        {
            while (true)
            {
                await RunEenmaalAsync(stoppingToken);
                var volgende = DagPlanning.VolgendeRun(clock.GetUtcNow(), opties.Tijdstip, DagPlanning.Amsterdam);
                LogVolgende(volgende);
                await WachtTotAsync(volgende, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host stops
        }
    }

    private async Task RunEenmaalAsync(CancellationToken ct)
    {
        var start = clock.GetTimestamp();
        try
        {
            var r = await DeadlineVerwerking.RunAsync(dataSource, clock, opties.Instellingen, auditlog, ct);
            LaatsteResultaat = r;
            LogKlaar(r.Gecontroleerd, r.Ss126, r.Ss127, r.Ss128, (long)clock.GetElapsedTime(start).TotalMilliseconds);
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

    /// <summary>Waits on the clock's timer; loops when a timer fires before the clock shows the moment.</summary>
    private async Task WachtTotAsync(DateTimeOffset moment, CancellationToken ct)
    {
        for (var nu = clock.GetUtcNow(); nu < moment; nu = clock.GetUtcNow())
        {
            var wachten = Task.Delay(moment - nu, clock, ct);
            VolgendeRun = moment;
            await wachten;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadlines uitgeschakeld (Deadlines:Ingeschakeld = false).")]
    private partial void LogUitgeschakeld();

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Deadlines verwerkt: {Gecontroleerd} personen gecontroleerd, {Ss126} SS126, {Ss127} SS127, {Ss128} SS128 in {DuurMs} ms.")]
    private partial void LogKlaar(int gecontroleerd, int ss126, int ss127, int ss128, long duurMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Volgende deadline-run om {Volgende:o}.")]
    private partial void LogVolgende(DateTimeOffset volgende);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline-run mislukt; de volgende run probeert het opnieuw.")]
    private partial void LogMislukt(Exception e);
}
