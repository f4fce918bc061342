namespace DuoInburgering.Web.Features.Audit;

public static class AuditSchermenDiensten
{
    /// <summary>The auditor's screens: the timeline, a municipality's disclosures and the breach report. Their downloads: <c>app.MapPibAudit()</c>.</summary>
    public static IServiceCollection AddPibAuditSchermen(this IServiceCollection services)
    {
        services.AddSingleton<AuditTijdlijn>();
        services.AddSingleton<GemeenteVerstrekkingen>();
        services.AddSingleton<Lekrapportage>();
        return services;
    }
}
