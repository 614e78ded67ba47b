using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder group)
    {
        // One concrete lambda per report, not a generic mapper: the compile-time request delegates (ADR 0037) need each
        // endpoint's types spelled out.
        group.MapGet("/backlog", ([AsParameters] ReportRequest r, CancellationToken ct) => RunAsync(r, r.Handler.BacklogAsync, ct))
            .WithSummary(Summary("Open and pending tickets at the end of each day (district time zone)."));
        group.MapGet("/volume", ([AsParameters] ReportRequest r, CancellationToken ct) => RunAsync(r, r.Handler.VolumeAsync, ct))
            .WithSummary(Summary("Tickets opened each day, by channel."));
        group.MapGet("/response-times", ([AsParameters] ReportRequest r, CancellationToken ct) => RunAsync(r, r.Handler.ResponseTimesAsync, ct))
            .WithSummary(Summary("First response and resolution in counted school minutes: median and 90th percentile, overall and per site, team and priority."));
        group.MapGet("/attainment", ([AsParameters] ReportRequest r, CancellationToken ct) => RunAsync(r, r.Handler.AttainmentAsync, ct))
            .WithSummary(Summary("Share of response and resolution targets met, by site, team, technician and issue type."));
        group.MapGet("/resolution-rates", ([AsParameters] ReportRequest r, CancellationToken ct) => RunAsync(r, r.Handler.ResolutionRatesAsync, ct))
            .WithSummary(Summary("Same-day, first-contact, bypass (direct to technician) and reopen rates, overall and per site."));
        group.MapGet("/workload", ([AsParameters] ReportRequest r, CancellationToken ct) => RunAsync(r, r.Handler.WorkloadAsync, ct))
            .WithSummary(Summary("Tickets per technician (assigned, solved) and per 100 devices per site."));
        return group;
    }

    private static string Summary(string what) => what + " Query: from, to (YYYY-MM-DD, default the last 30 days, at most 366), site (id).";

    /// <summary>Reads from, to and site from the query, reporting a bad one by name, then runs the report.</summary>
    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> RunAsync<T>(
        ReportRequest request, Func<ReportFilter, CancellationToken, Task<T>> report, CancellationToken ct)
    {
        var filter = ReportFilter.Parse(request.From, request.To, request.Site, request.Clock.Today, await request.Sites.ListAsync(ct));
        return (await filter.ThenAsync(f => report(f, ct))).ToOk();
    }
}

/// <summary>What every report endpoint binds: the query as text, so a bad date or site is reported by its name, and the services that answer it.</summary>
public sealed class ReportRequest
{
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    public string? To { get; init; }

    [FromQuery(Name = "site")]
    public string? Site { get; init; }

    [FromServices]
    public required ServiceReportsHandler Handler { get; init; }

    [FromServices]
    public required ReportClock Clock { get; init; }

    [FromServices]
    public required ISiteDirectory Sites { get; init; }
}
