using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportSatisfaction;

public static class SatisfactionApi
{
    public static RouteGroupBuilder MapSatisfactionApi(this RouteGroupBuilder group)
    {
        group.MapGet("/reports/satisfaction", async Task<Results<Ok<SatisfactionReport>, ValidationProblem, ProblemHttpResult>> (
                [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? site, SatisfactionHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(new SatisfactionQuery(from, to, site), ct)).ToOk())
            .WithSummary("Satisfaction surveys of tickets solved from..to (YYYY-MM-DD, default the last 30 days, at most 366), optionally at one site: response rate and good share overall and per technician, site and issue type.");
        return group;
    }
}
