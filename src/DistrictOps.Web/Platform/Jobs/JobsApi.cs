using System.Security.Claims;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Platform.Jobs;

public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Ok<IReadOnlyList<JobSummary>>> (JobsOverview overview, CancellationToken ct) =>
                TypedResults.Ok(await overview.ListAsync(ct)))
            .WithSummary("The declared scheduled jobs: name, description, interval and the latest run.");

        group.MapGet("/runs", async (HttpRequest request, JobsOverview overview, CancellationToken ct) =>
                (await JobRunsQuery.Read(request.Query).ThenAsync(q => overview.RunsAsync(q, ct))).ToOk())
            .WithSummary("Job runs, newest first, optionally of one job: outcome, how many things changed, summary, who started it.");

        group.MapPost("/{name}/run", async Task<Results<Ok<JobRunRow>, NotFound>> (string name, ClaimsPrincipal user, JobRunner runner, CancellationToken ct) =>
            {
                var run = await runner.RunAsync(name, user.DisplayName(), ct);
                return run is null
                    ? TypedResults.NotFound()
                    : TypedResults.Ok(JobsOverview.Row(run));
            })
            .WithSummary("Runs a job now and returns the logged run; a job that has nothing to do changes nothing.");
        return group;
    }
}
