namespace DuoInburgering.Web.Features.DuoPersoon;

public static class DuoPersoonDiensten
{
    /// <summary>DUO's person page and the regime choices registered there; needs AddPibData and AddPibAudit.</summary>
    public static IServiceCollection AddPibDuoPersoon(this IServiceCollection services)
    {
        services.AddSingleton<RegimeKeuzes>();
        return services;
    }
}
