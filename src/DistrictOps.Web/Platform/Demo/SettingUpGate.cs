using DistrictOps.Web.Platform.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DistrictOps.Web.Platform.Demo;

/// <summary>
/// Until the demo seeding is done, every page shows the setting-up page (the address stays, so its refresh lands on
/// the page asked for once ready) and the API answers 503; the health endpoints and static files answer as usual.
/// </summary>
public static class SettingUpGate
{
    public const string PagePath = "/setting-up";

    private const string ReadyPath = "/health/ready";

    public static IApplicationBuilder UseDemoSettingUpGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var progress = context.RequestServices.GetRequiredService<DemoSeedProgress>();
            if (progress.Current is { State: DemoSeedState.Running } running && context.Request.Path == ReadyPath)
            {
                // Answered here rather than by the health checks, which log every not-ready poll as an error.
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "5";
                await context.Response.WriteAsync($"Setting up the demo district: {running.Percent}% done.");
                return;
            }

            if (progress.Current.State == DemoSeedState.Finished || context.Request.Path.StartsWithSegments("/health"))
            {
                await next(context);
                return;
            }

            if (context.IsApiRequest())
            {
                context.Response.Headers.RetryAfter = "5";
                await Results.Problem(
                    title: "The demo district is still being set up.",
                    detail: progress.Current.Failure,
                    statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
                return;
            }

            context.Request.Path = PagePath;
            context.Request.QueryString = QueryString.Empty;
            context.Request.Method = HttpMethods.Get;
            await next(context);
        });
}

/// <summary>Not ready until the demo seeding has finished; a failed seeding stays not ready.</summary>
internal sealed class DemoSeedReadyCheck(DemoSeedProgress progress) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(progress.Current switch
        {
            { State: DemoSeedState.Finished } => HealthCheckResult.Healthy("Demo data in place."),
            { State: DemoSeedState.Failed } => HealthCheckResult.Unhealthy("Setting up the demo district failed."),
            var running => HealthCheckResult.Unhealthy($"Setting up the demo district: {running.Percent}% done."), // unless the gate answers first
        });
}
