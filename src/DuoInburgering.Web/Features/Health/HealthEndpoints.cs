using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace DuoInburgering.Web.Features.Health;

/// <summary>/health answers Healthy only when the database answers a query.</summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddPibHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static void MapPibHealth(this WebApplication app) => app.MapHealthChecks("/health");
}

internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("Database bereikbaar.");
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("Database niet bereikbaar.", e);
        }
    }
}
