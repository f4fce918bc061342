using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Audit;
using Npgsql;

namespace DuoInburgering.Web.Features.Deadlines;

/// <summary>
/// Runs <see cref="DeadlineVerwerking"/> once at start-up and then daily at <see cref="DeadlineOpties.Tijdstip"/>
/// (Europe/Amsterdam), the loop of <see cref="DagelijkseTaak"/>. The log gets counts, never a BSN.
/// </summary>
public sealed partial class DeadlineJob(NpgsqlDataSource dataSource, TimeProvider clock, DeadlineOpties opties, Auditlog auditlog,
    ILogger<DeadlineJob> logger)
    : DagelijkseTaak(clock)
{
    private readonly Lock _gate = new();
    private DeadlineResultaat? _laatsteResultaat;

    /// <summary>The last successful run's counts; null before the first one.</summary>
    public DeadlineResultaat? LaatsteResultaat
    {
        get { lock (_gate) { return _laatsteResultaat; } }
        private set { lock (_gate) { _laatsteResultaat = value; } }
    }

    protected override bool Ingeschakeld => opties.Ingeschakeld;

    protected override TimeOnly Tijdstip => opties.Tijdstip;

    protected override bool OokBijStart => true;

    protected override async Task RunAsync(CancellationToken ct)
    {
        var start = Klok.GetTimestamp();
        var r = await DeadlineVerwerking.RunAsync(dataSource, Klok, opties.Instellingen, auditlog, ct);
        LaatsteResultaat = r;
        LogKlaar(r.Gecontroleerd, r.Ss126, r.Ss127, r.Ss128, (long)Klok.GetElapsedTime(start).TotalMilliseconds);
    }

    protected override void Gepland(DateTimeOffset volgende) => LogVolgende(volgende);

    protected override void Uitgeschakeld() => LogUitgeschakeld();

    protected override void Mislukt(Exception e) => LogMislukt(e);

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
