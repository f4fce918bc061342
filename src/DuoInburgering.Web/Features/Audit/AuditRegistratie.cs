namespace DuoInburgering.Web.Features.Audit;

public static class AuditRegistratie
{
    /// <summary>
    /// The audit log, its chain check and purge, the daily job and the auditor's screens (timeline, a municipality's
    /// disclosures, the breach report); needs AddPibData. The CSV downloads: <c>app.MapPibAudit()</c>.
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
        services.AddSingleton<AuditTijdlijn>();
        services.AddSingleton<GemeenteVerstrekkingen>();
        services.AddSingleton<Lekrapportage>();
        services.AddSingleton<AuditJob>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditJob>());
        services.AddHostedService<AuditWachtrijJob>();
        return services;
    }
}
