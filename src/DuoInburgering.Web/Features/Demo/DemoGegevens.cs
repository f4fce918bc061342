using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Verwerking.Feiten;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Features.Demo;

/// <summary>
/// The demo data of Development, once, after the migrations (Data/DatabasePreparation runs first): the demo users
/// (Database:SeedDemoData) and, on an empty database, the incident cohort and N synthetic persons through the real
/// import path (Database:DemoPersonen, default 2000 in Development).
/// </summary>
internal sealed class DemoGegevens(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Database:SeedDemoData", environment.IsDevelopment()))
        {
            await DemoGebruikers.SchrijfAsync(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), cancellationToken);
        }
        var personen = configuration.GetValue("Database:DemoPersonen", environment.IsDevelopment() ? 2000 : 0);
        if (personen > 0)
        {
            await SchrijfPersonenAsync(personen, cancellationToken);
        }
    }

    private async Task SchrijfPersonenAsync(int personen, CancellationToken ct)
    {
        var db = services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        await using (var conn = await db.OpenConnectionAsync(ct))
        await using (var cmd = new Npgsql.NpgsqlCommand("select exists (select 1 from persoon)", conn))
        {
            if ((bool)(await cmd.ExecuteScalarAsync(ct))!)
            {
                return;
            }
        }
        var clock = services.GetRequiredService<TimeProvider>();
        var vandaag = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await SyntheseImport.ImportAsync(db, new Domain.Synthetisch.SyntheseOpties(personen, Vandaag: vandaag), clock,
            services.GetRequiredService<Auditlog>(), ct);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class DemoDiensten
{
    /// <summary>After AddPibData, whose migrations must run first.</summary>
    public static IServiceCollection AddPibDemo(this IServiceCollection services)
    {
        services.AddHostedService<DemoGegevens>();
        return services;
    }
}
