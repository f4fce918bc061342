namespace DuoInburgering.Web.Features.Importen;

public static class ImportenDiensten
{
    /// <summary>Needs the NpgsqlDataSource and TimeProvider that AddPibData registers and the Auditlog of AddPibAudit; the endpoints are MapPibImporten.</summary>
    public static IServiceCollection AddPibImporten(this IServiceCollection services)
    {
        services.AddSingleton<ImportenOverzicht>();
        services.AddSingleton<Herimport>();
        return services;
    }
}
