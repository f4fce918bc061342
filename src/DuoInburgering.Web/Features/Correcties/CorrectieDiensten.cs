namespace DuoInburgering.Web.Features.Correcties;

public static class CorrectieDiensten
{
    /// <summary>Needs the NpgsqlDataSource and TimeProvider that AddPibData registers, and the Auditlog of AddPibAudit.</summary>
    public static IServiceCollection AddPibCorrecties(this IServiceCollection services)
    {
        services.AddSingleton<Correctiedienst>();
        services.AddExceptionHandler<OnderbrokenCorrectieAfhandeling>();
        return services;
    }
}
