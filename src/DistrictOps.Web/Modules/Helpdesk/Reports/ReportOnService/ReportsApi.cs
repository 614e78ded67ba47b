using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder group)
    {
        Map(group, "backlog", (h, f, ct) => h.BacklogAsync(f, ct), "Open and pending tickets at the end of each day (district time zone).");
        Map(group, "volume", (h, f, ct) => h.VolumeAsync(f, ct), "Tickets opened each day, by channel.");
        Map(group, "response-times", (h, f, ct) => h.ResponseTimesAsync(f, ct), "First response and resolution in counted school minutes: median and 90th percentile, overall and per site, team and priority.");
        Map(group, "attainment", (h, f, ct) => h.AttainmentAsync(f, ct), "Share of response and resolution targets met, by site, team, technician and issue type.");
        Map(group, "resolution-rates", (h, f, ct) => h.ResolutionRatesAsync(f, ct), "Same-day, first-contact, bypass (direct to technician) and reopen rates, overall and per site.");
        Map(group, "workload", (h, f, ct) => h.WorkloadAsync(f, ct), "Tickets per technician (assigned, solved) and per 100 devices per site.");
        return group;
    }

    /// <summary>Reads from, to and site from the query, reporting a bad one by name.</summary>
    public static async Task<Result<ReportFilter>> FilterAsync(ReportQuery query, ReportClock clock, ISiteDirectory sites, CancellationToken cancellationToken) =>
        ReportFilter.Parse(query.From, query.To, query.Site, clock.Today, await sites.ListAsync(cancellationToken));

    private static void Map<T>(RouteGroupBuilder group, string name, Func<ServiceReportsHandler, ReportFilter, CancellationToken, Task<T>> run, string summary) =>
        group.MapGet("/" + name, async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> (
                [AsParameters] ReportQuery query, ServiceReportsHandler handler, ReportClock clock, ISiteDirectory sites, CancellationToken ct) =>
                (await (await FilterAsync(query, clock, sites, ct)).ThenAsync(filter => run(handler, filter, ct))).ToOk())
            .WithSummary(summary + " Query: from, to (YYYY-MM-DD, default the last 30 days, at most 366), site (id).");
}

/// <summary>The report query as text, so a bad date or site is reported by its name.</summary>
public sealed class ReportQuery
{
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    public string? To { get; init; }

    [FromQuery(Name = "site")]
    public string? Site { get; init; }
}
