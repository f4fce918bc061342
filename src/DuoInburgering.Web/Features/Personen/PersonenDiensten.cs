namespace DuoInburgering.Web.Features.Personen;

public static class PersonenDiensten
{
    /// <summary>The municipality's person page and PIP registration; needs AddPibData.</summary>
    public static IServiceCollection AddPibPersonen(this IServiceCollection services)
    {
        services.AddSingleton<PersoonOpvraging>();
        services.AddSingleton<PipRegistratie>();
        return services;
    }
}
