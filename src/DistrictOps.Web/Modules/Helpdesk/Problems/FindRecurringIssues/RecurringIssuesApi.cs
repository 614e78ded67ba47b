using System.Security.Claims;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Helpdesk.Problems.FindRecurringIssues;

public static class RecurringIssuesApi
{
    public static RouteGroupBuilder MapRecurringIssuesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/reports/recurring-issues", async Task<Results<Ok<RecurringIssuesReport>, ValidationProblem, ProblemHttpResult>> (
                string? from, string? to, string? site, string? minimum, ClaimsPrincipal user, ViewerFactory viewers, RecurringIssuesHandler handler, CancellationToken ct) =>
                (await handler.FindAsync(new RecurringIssuesQuery(from, to, site, minimum), await viewers.ForAsync(user, ct), ct)).ToOk())
            .RequireAuthorization(HelpdeskPermissions.Work)
            .WithSummary("Clusters of tickets by issue type × device model × site in the period (default the last 4 weeks), largest first, with the previous period's count and how many already link to a problem.");
        group.MapPost("/reports/recurring-issues/problems", async Task<IResult> (
                OpenProblemFromClusterCommand command, ClaimsPrincipal user, ViewerFactory viewers, RecurringIssuesHandler handler, CancellationToken ct) =>
            {
                var result = await handler.OpenProblemAsync(command, await viewers.ForAsync(user, ct), ct);
                if (!result.Succeeded)
                {
                    return result.Failure.ToProblem();
                }

                var opened = result.Value;
                return opened.Created ? TypedResults.Created($"/api/v1/helpdesk/problems/{opened.ProblemId}", opened) : TypedResults.Ok(opened);
            })
            .RequireAuthorization(HelpdeskPermissions.Work)
            .WithSummary("Open a problem record from a cluster and link its open and recent tickets (201); while an open problem covers the cluster, that one is returned (200, created false).");
        return group;
    }
}
