using System.Security.Claims;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Work.ListQueues;

public static class ListQueuesApi
{
    public static RouteGroupBuilder MapListQueuesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/tickets", async Task<Results<Ok<PagedResult<TicketRow>>, ValidationProblem, ProblemHttpResult>> (
                [AsParameters] TicketListQuery query, ClaimsPrincipal user, ViewerFactory viewers, ListQueuesHandler handler, IOptions<HelpdeskOptions> options, CancellationToken ct) =>
                (await query.ToParameters().Parse(options.Value.NumberPrefix).ThenAsync(async filter => await handler.ListAsync(await viewers.ForAsync(user, ct), filter, ct)))
                    .ToOk(list => new PagedResult<TicketRow>(list.Items, list.Total, list.Page, list.PageSize)))
            .WithSummary("Tickets the caller may see, open ones unless a status is given; filters, text or number search (q), sort and paging.");

        group.MapGet("/queues", async Task<Ok<IReadOnlyList<QueueCount>>> (ClaimsPrincipal user, ViewerFactory viewers, ListQueuesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CountAsync(await viewers.ForAsync(user, ct), ct)))
            .RequireAuthorization(HelpdeskPermissions.Work)
            .WithSummary("The queues (mine, my-sites, team, unassigned, all) with how many open tickets each holds for the caller.");

        group.MapGet("/queues/{name}", async Task<Results<Ok<QueueList>, ValidationProblem, ProblemHttpResult>> (
                string name, [AsParameters] TicketListQuery query, ClaimsPrincipal user, ViewerFactory viewers, ListQueuesHandler handler, IOptions<HelpdeskOptions> options, CancellationToken ct) =>
                (await query.ToParameters().Parse(options.Value.NumberPrefix).ThenAsync(async filter => await handler.ListAsync(await viewers.ForAsync(user, ct), name, filter, ct))).ToOk())
            .RequireAuthorization(HelpdeskPermissions.Work)
            .WithSummary("One queue's tickets with the same filters as /tickets; an empty queue by definition says why in explanation.");
        return group;
    }
}

/// <summary>The list's query parameters as the API documents them; every value is text so a bad one is reported by name.</summary>
public sealed class TicketListQuery
{
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "status")]
    public string[]? Status { get; init; }

    [FromQuery(Name = "site")]
    public string? Site { get; init; }

    [FromQuery(Name = "issueType")]
    public string? IssueType { get; init; }

    [FromQuery(Name = "priority")]
    public string? Priority { get; init; }

    [FromQuery(Name = "assignee")]
    public string? Assignee { get; init; }

    [FromQuery(Name = "olderThanDays")]
    public string? OlderThanDays { get; init; }

    [FromQuery(Name = "createdFrom")]
    public string? CreatedFrom { get; init; }

    [FromQuery(Name = "createdTo")]
    public string? CreatedTo { get; init; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [FromQuery(Name = "dir")]
    public string? Dir { get; init; }

    [FromQuery(Name = "page")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize")]
    public string? PageSize { get; init; }

    public TicketListParameters ToParameters() =>
        new(Q, Status, Site, IssueType, Priority, Assignee, OlderThanDays, CreatedFrom, CreatedTo, Sort, Dir, Page, PageSize);
}
