using DuoInburgering.Web.Features.Gemeentestart;
using DuoInburgering.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DuoInburgering.Web.Features.Personen;

public static class PersonenRegistratie
{
    /// <summary>The municipality's start page, person page and PIP registration; needs AddPibData and AddPibDeadlines.</summary>
    public static IServiceCollection AddPibPersonen(this IServiceCollection services)
    {
        services.TryAddSingleton<GemeenteSessies>();
        services.AddSingleton<PersoonOpvraging>();
        services.AddSingleton<PipRegistratie>();
        services.AddSingleton<StartOverzicht>();
        return services;
    }
}
