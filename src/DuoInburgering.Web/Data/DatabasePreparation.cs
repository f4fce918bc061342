using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Data;

/// <summary>
/// Before the portal takes requests: migrations (Development only by default; production runs the
/// CLI verb 'migrate'), then the demo data once.
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
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
