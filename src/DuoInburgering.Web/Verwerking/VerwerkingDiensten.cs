namespace DuoInburgering.Web.Verwerking;

public static class VerwerkingDiensten
{
    /// <summary>What the shared processing engine reads from configuration: the deadline settings (SS126, SS127, SS128).</summary>
    public static IServiceCollection AddPibVerwerking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(DeadlineOpties.Lees(configuration));
        return services;
    }
}
