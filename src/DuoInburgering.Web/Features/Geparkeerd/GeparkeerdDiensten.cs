namespace DuoInburgering.Web.Features.Geparkeerd;

public static class GeparkeerdDiensten
{
    /// <summary>Parked groups and choices (/duo/geparkeerd, /duo/personen/{bsn}); needs the NpgsqlDataSource and TimeProvider of AddPibData and the Auditlog of AddPibAudit.</summary>
    public static IServiceCollection AddPibGeparkeerd(this IServiceCollection services)
    {
        services.AddSingleton<GeparkeerdeGroepen>();
        return services;
    }
}
