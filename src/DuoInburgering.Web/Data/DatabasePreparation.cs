using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Data;

/// <summary>
/// Before the portal takes requests: migrations (Development only by default; production runs the
/// CLI verb 'migrate'), then the demo users and (Database:DemoPersonen, default 2000 in
/// Development) the synthetic persons, once.
/// </summary>
internal sealed class DatabasePreparation(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Database:MigrateOnStartup", environment.IsDevelopment()))
        {
            await PibDatabase.MigrateAsync(services, cancellationToken);
        }
        if (configuration.GetValue("Database:SeedDemoData", environment.IsDevelopment()))
        {
            await DemoSeeder.SeedAsync(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), cancellationToken);
        }
        var personen = configuration.GetValue("Database:DemoPersonen", environment.IsDevelopment() ? 2000 : 0);
        if (personen > 0)
        {
            await SeedPersonenAsync(personen, cancellationToken);
        }
    }

    /// <summary>An empty database gets the incident cohort and N synthetic persons, through the real import path.</summary>
    private async Task SeedPersonenAsync(int personen, CancellationToken ct)
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
        await Features.Feiten.SyntheseImport.ImportAsync(db, new Domain.Synthetisch.SyntheseOpties(personen, Vandaag: vandaag), clock,
            services.GetRequiredService<Features.Audit.Auditlog>(), ct);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
