namespace DuoInburgering.Web.Data;

/// <summary>
/// Before the portal takes requests: migrations (Development only by default; production runs the
/// CLI verb 'migrate'). Registered as the first hosted service, so data protection and the demo data
/// (Features/Demo) find their tables.
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
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
