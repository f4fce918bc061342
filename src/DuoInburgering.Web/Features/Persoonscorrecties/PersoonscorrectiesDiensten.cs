namespace DuoInburgering.Web.Features.Persoonscorrecties;

public static class PersoonscorrectiesDiensten
{
    /// <summary>DUO's single-person corrections with four eyes (/duo/persoonscorrecties); needs AddPibData.</summary>
    public static IServiceCollection AddPibPersoonscorrecties(this IServiceCollection services)
    {
        services.AddSingleton<Persoonscorrecties>();
        return services;
    }
}
