namespace DuoInburgering.Web.Infrastructure;

/// <summary>
/// A job that runs daily at a wall-clock time in Europe/Amsterdam (<see cref="DagPlanning.VolgendeRun"/>), on the
/// injected <see cref="TimeProvider"/> only, so tests drive it with a fake clock. A failed run is logged and the job
/// waits for the next day; it never holds up the host's start-up.
/// </summary>
public abstract class DagelijkseTaak(TimeProvider clock) : BackgroundService
{
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

    /// <summary>The injected clock, for a run that reads the time.</summary>
    protected TimeProvider Klok => clock;

    /// <summary>Off: the job logs so once and does nothing.</summary>
    protected abstract bool Ingeschakeld { get; }

    /// <summary>The local time (Europe/Amsterdam) of the daily run.</summary>
    protected abstract TimeOnly Tijdstip { get; }

    /// <summary>Also run once at start-up, before the first planned time.</summary>
    protected virtual bool OokBijStart => false;

    /// <summary>One run. An exception is logged through <see cref="Mislukt"/>; the next run comes the next day.</summary>
    protected abstract Task RunAsync(CancellationToken ct);

    protected abstract void Uitgeschakeld();

    protected abstract void Mislukt(Exception e);

    /// <summary>The next run is planned for <paramref name="volgende"/>.</summary>
    protected virtual void Gepland(DateTimeOffset volgende)
    {
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Ingeschakeld)
        {
            Uitgeschakeld();
            return;
        }
        await Task.Yield(); // never hold up the host's start-up
        try
        {
            if (OokBijStart)
            {
                await RunEenmaalAsync(stoppingToken);
            }
            while (true)
            {
                var volgende = DagPlanning.VolgendeRun(clock.GetUtcNow(), Tijdstip, DagPlanning.Amsterdam);
                Gepland(volgende);
                await WachtTotAsync(volgende, stoppingToken);
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
            await RunAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Mislukt(e);
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
}
