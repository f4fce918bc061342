using DuoInburgering.Web.Infrastructure;

namespace DuoInburgering.Web.Audit;

/// <summary>
/// Daily at <see cref="AuditOpties.OnderhoudTijdstip"/> (Europe/Amsterdam): purge what is past its retention,
/// then check the whole chain and record the outcome (the auditor's start page shows it); the daily loop is
/// <see cref="DagelijkseTaak"/>. Not at start-up: a check over tens
/// of millions of rows belongs in the night. The log gets counts and row ids, never a BSN.
/// </summary>
public sealed partial class AuditJob(AuditKeten keten, AuditOpties opties, TimeProvider clock, ILogger<AuditJob> logger) : DagelijkseTaak(clock)
{
    public const string Door = "dagelijkse controle";

    protected override bool Ingeschakeld => opties.OnderhoudIngeschakeld;

    protected override TimeOnly Tijdstip => opties.OnderhoudTijdstip;

    protected override async Task RunAsync(CancellationToken ct)
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

    protected override void Uitgeschakeld() => LogUitgeschakeld();

    protected override void Mislukt(Exception e) => LogMislukt(e);

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
