namespace DuoInburgering.Web.Features.Deadlines;

public static class DeadlineDiensten
{
    /// <summary>The daily deadline job (SS126, SS127, SS128); needs AddPibData for the data source and clock, AddPibAudit for the audit log.</summary>
    public static IServiceCollection AddPibDeadlines(this IServiceCollection services)
    {
        services.AddSingleton<DeadlineJob>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineJob>());
        return services;
    }
}
