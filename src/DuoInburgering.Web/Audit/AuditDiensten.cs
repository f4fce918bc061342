using DuoInburgering.Web.Infrastructure;

namespace DuoInburgering.Web.Audit;

public static class AuditDiensten
{
    /// <summary>
    /// The audit log, its queue, its chain check and purge, and the daily job; needs AddPibData. The auditor's screens
    /// register themselves (Features/Audit).
    /// Every environment but Development refuses to start without Audit__BsnSleutel (<see cref="PibOmgeving"/>); Development uses the demo key.
    /// </summary>
    public static WebApplicationBuilder AddPibAudit(this WebApplicationBuilder builder)
    {
        var streng = !PibOmgeving.ZwakkeStandaardenToegestaan(builder.Environment);
        builder.Services.AddPibAudit(AuditOpties.Lees(builder.Configuration, sleutelVerplicht: streng, demoToegestaan: !streng));
        return builder;
    }

    public static IServiceCollection AddPibAudit(this IServiceCollection services, AuditOpties opties)
    {
        services.AddSingleton(opties);
        services.AddSingleton<Auditlog>();
        services.AddSingleton<AuditKeten>();
        services.AddSingleton<AuditJob>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditJob>());
        services.AddHostedService<AuditWachtrijJob>();
        return services;
    }
}
