using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.ListSites;

public sealed record ListSitesQuery(string? Query, SiteType? Type, PageRequest Page)
{
    public const int PageSizeOnThePage = 100;

    /// <summary><c>query</c>, <c>type</c>, <c>page</c>, <c>pageSize</c>.</summary>
    public static Result<ListSitesQuery> Read(IQueryCollection query, int defaultPageSize = PageRequest.DefaultSize)
    {
        var reader = new QueryReader(query);
        var read = new ListSitesQuery(reader.Text("query", Site.NameMaxLength), reader.Enum<SiteType>("type"), reader.Paging(defaultPageSize));
        return reader.Then(read);
    }
}

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
            .ToPagedResultAsync(query.Page, cancellationToken);
    }
}

internal static class ListSitesApi
{
    public static RouteGroupBuilder MapListSitesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/sites", async (HttpRequest request, ListSitesHandler handler, CancellationToken ct) =>
                (await ListSitesQuery.Read(request.Query).ThenAsync(q => handler.HandleAsync(q, ct))).ToOk())
            .WithSummary("Sites: the district, schools and offices, with type, grades and enrollment.");
        return group;
    }
}
