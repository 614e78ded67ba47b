using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.ListSites;

public sealed record ListSitesQuery(string? Query, SiteType? Type, int? Page, int? PageSize);

public sealed record SiteRow(Guid Id, string SourcedId, string Name, string? Identifier, SiteType Type, string Grades, int Enrollment);

public sealed class ListSitesHandler(AppDbContext db)
{
    public Task<PagedResult<SiteRow>> HandleAsync(ListSitesQuery query, CancellationToken cancellationToken = default)
    {
        var sites = db.Set<Site>().AsNoTracking().Where(s => s.LeftAt == null);
        if (!string.IsNullOrWhiteSpace(query.Query))
        {
            var term = query.Query.Trim();
            sites = sites.Where(s => s.Name.Contains(term) || s.SourcedId == term || s.Identifier == term);
        }

        if (query.Type is { } type)
        {
            sites = sites.Where(s => s.Type == type);
        }

        return sites.OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new SiteRow(s.Id, s.SourcedId, s.Name, s.Identifier, s.Type, s.Grades, s.Enrollment))
            .ToPagedResultAsync(new PageRequest(query.Page, query.PageSize), cancellationToken);
    }
}

internal static class ListSitesApi
{
    public static RouteGroupBuilder MapListSitesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/sites", async Task<Ok<PagedResult<SiteRow>>> (string? query, SiteType? type, int? page, int? pageSize, ListSitesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(new ListSitesQuery(query, type, page, pageSize), ct)))
            .WithSummary("Sites: the district, schools and offices, with type, grades and enrollment.");
        return group;
    }
}
