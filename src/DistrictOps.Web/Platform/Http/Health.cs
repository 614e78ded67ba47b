using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DistrictOps.Web.Platform.Http;

internal sealed class DatabaseReadyCheck(DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await migrator.IsCurrentAsync(cancellationToken)
                ? HealthCheckResult.Healthy("Database reachable and migrated.")
                : HealthCheckResult.Unhealthy("Database unreachable or has pending migrations.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable.", e);
        }
    }
}

public static class Health
{
    public static IServiceCollection AddPlatformHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return services;
    }

    public static void MapPlatformHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }
}
