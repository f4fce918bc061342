namespace DuoInburgering.Web.Features.Start;

public static class StartDiensten
{
    /// <summary>The start pages; the municipality's needs AddPibData and AddPibVerwerking (the deadline settings).</summary>
    public static IServiceCollection AddPibStart(this IServiceCollection services)
    {
        services.AddSingleton<StartOverzicht>();
        return services;
    }
}
