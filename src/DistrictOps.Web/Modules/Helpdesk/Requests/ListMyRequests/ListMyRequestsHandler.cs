using System.Security.Claims;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Requests.ListMyRequests;

public sealed record MyRequestRow(string Number, string Title, string Status, string SiteName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The requests of the person signed in: those they asked for and those someone entered for them, newest first.</summary>
public sealed class ListMyRequestsHandler(AppDbContext db, ISiteDirectory sites, IOptions<HelpdeskOptions> options)
{
    public async Task<PagedResult<MyRequestRow>> HandleAsync(Viewer viewer, PageRequest page, CancellationToken cancellationToken = default)
    {
        var userId = viewer.UserId;
        var personId = viewer.PersonId;
        var mine = viewer.Visible(db.Set<Ticket>().AsNoTracking())
            .Where(t => t.RequesterUserId == userId || (personId != null && t.RequesterPersonId == personId))
            .OrderByDescending(t => t.Id)
            .Select(t => new { t.Id, t.Title, t.Status, t.SiteId, t.CreatedAt, t.UpdatedAt });
        var found = await mine.ToPagedResultAsync(page, cancellationToken);
        var siteNames = (await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        var prefix = options.Value.NumberPrefix;
        return new PagedResult<MyRequestRow>(
            found.Items.Select(t => new MyRequestRow(TicketNumber.Format(prefix, t.Id), t.Title, t.Status.ToString(), siteNames.GetValueOrDefault(t.SiteId, ""), t.CreatedAt, t.UpdatedAt)).ToList(),
            found.Total, found.Page, found.PageSize);
    }
}

public static class ListMyRequestsApi
{
    public static RouteGroupBuilder MapListMyRequestsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/requests", async Task<Results<Ok<PagedResult<MyRequestRow>>, ValidationProblem, ProblemHttpResult>> (
                HttpRequest request, ClaimsPrincipal user, ViewerFactory viewers, ListMyRequestsHandler handler, CancellationToken ct) =>
                (await QueryReader.ReadPaging(request.Query).ThenAsync(async page => await handler.HandleAsync(await viewers.ForAsync(user, ct), page, ct))).ToOk())
            .WithSummary("The caller's own requests (asked for, or entered for their person), newest first.");
        return group;
    }
}
