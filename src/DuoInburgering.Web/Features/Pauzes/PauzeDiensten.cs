namespace DuoInburgering.Web.Features.Pauzes;

public static class PauzeDiensten
{
    /// <summary>Needs the NpgsqlDataSource and TimeProvider that AddPibData registers.</summary>
    public static IServiceCollection AddPibPauzes(this IServiceCollection services)
    {
        services.AddSingleton<Pauzering>();
        return services;
    }
}
