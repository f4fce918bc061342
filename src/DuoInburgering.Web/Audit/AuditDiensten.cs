namespace DuoInburgering.Web.Audit;

public static class AuditDiensten
{
    /// <summary>
    /// The audit log, its queue, its chain check and purge, and the daily job; needs AddPibData. The auditor's screens
    /// register themselves (Features/Audit).
    /// Production refuses to start without Audit__BsnSleutel; Development and tests use the demo key.
    /// </summary>
    public static WebApplicationBuilder AddPibAudit(this WebApplicationBuilder builder)
    {
        var productie = builder.Environment.IsProduction();
        builder.Services.AddPibAudit(AuditOpties.Lees(builder.Configuration, sleutelVerplicht: productie, demoToegestaan: !productie));
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
