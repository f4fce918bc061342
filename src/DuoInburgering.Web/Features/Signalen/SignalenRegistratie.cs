using DuoInburgering.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DuoInburgering.Web.Features.Signalen;

public static class SignalenRegistratie
{
    public static IServiceCollection AddPibSignalen(this IServiceCollection services)
    {
        // Other municipal features open sessions too; whoever registers first wins, it is the same service.
        services.TryAddSingleton<GemeenteSessies>();
        services.TryAddSingleton<SignalenZoeken>();
        services.TryAddSingleton<SignalenAfhandelen>();
        return services;
    }
}
