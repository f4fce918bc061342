namespace DuoInburgering.Web.Features.Signalen;

public static class SignalenDiensten
{
    public static IServiceCollection AddPibSignalen(this IServiceCollection services)
    {
        services.AddSingleton<SignalenZoeken>();
        services.AddSingleton<SignalenAfhandelen>();
        return services;
    }
}
