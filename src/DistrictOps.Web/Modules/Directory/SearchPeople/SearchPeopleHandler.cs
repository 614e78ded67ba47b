using System.Security.Claims;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.SearchPeople;

public sealed record SearchPeopleQuery(string? Query, Guid? Site, PersonKind? Role, PageRequest Page)
{
    /// <summary><c>query</c>, <c>site</c>, <c>role</c>, <c>page</c>, <c>pageSize</c>.</summary>
    public static Result<SearchPeopleQuery> Read(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        var read = new SearchPeopleQuery(
            reader.Text("query", Person.SortNameMaxLength), reader.Id("site", "a site id"), reader.Enum<PersonKind>("role"), reader.Paging());
        return reader.Then(read);
    }
}

public sealed record PersonRow(Guid Id, string SourcedId, string Name, PersonKind Kind, string? Identifier, string? Grades, string? Site);

/// <summary>
/// People by name prefix (family name first), by id (SIS, local or employee id), site and role. Students and
/// guardians appear only to roles that may see them, and site-scoped roles see only their sites' families.
/// </summary>
public sealed class SearchPeopleHandler(AppDbContext db, PermissionRegistry permissions)
{
    public async Task<PagedResult<PersonRow>> HandleAsync(SearchPeopleQuery query, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var people = db.Set<Person>().AsNoTracking().Where(p => p.LeftAt == null);
        var access = StudentAccess.For(user, permissions);
        if (!access.Any)
        {
            people = people.Where(p => p.Kind != PersonKind.Student && p.Kind != PersonKind.Guardian);
        }
        else if (access.Sites is { } sites)
        {
            people = people.Where(p => (p.Kind != PersonKind.Student && p.Kind != PersonKind.Guardian)
                || db.Set<PersonSite>().Any(ps => ps.PersonId == p.Id && sites.Contains(ps.SiteId)));
        }

        if (!string.IsNullOrWhiteSpace(query.Query))
        {
            var term = query.Query.Trim();
            var upper = term.ToUpperInvariant();
            people = people.Where(p => p.SortName.StartsWith(upper) || p.SourcedId == term || p.Identifier == term || p.EmployeeId == term);
        }

        if (query.Site is { } site)
        {
            people = people.Where(p => db.Set<PersonSite>().Any(ps => ps.PersonId == p.Id && ps.SiteId == site));
        }

        if (query.Role is { } role)
        {
            people = people.Where(p => p.Kind == role);
        }

        var page = await people.OrderBy(p => p.SortName).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.SourcedId, p.GivenName, p.FamilyName, p.PreferredGivenName, p.Kind, p.Identifier, p.Grades, p.PrimarySiteId })
            .ToPagedResultAsync(query.Page, cancellationToken);
        var siteIds = page.Items.Select(p => p.PrimarySiteId).OfType<Guid>().Distinct().ToList();
        var siteNames = await db.Set<Site>().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var rows = page.Items.Select(p => new PersonRow(p.Id, p.SourcedId, $"{p.PreferredGivenName ?? p.GivenName} {p.FamilyName}", p.Kind, p.Identifier, p.Grades,
            p.PrimarySiteId is { } s ? siteNames.GetValueOrDefault(s) : null)).ToList();
        return new PagedResult<PersonRow>(rows, page.Total, page.Page, page.PageSize);
    }
}

internal static class SearchPeopleApi
{
    public static RouteGroupBuilder MapSearchPeopleApi(this RouteGroupBuilder group)
    {
        group.MapGet("/people", async (HttpRequest request, ClaimsPrincipal user, SearchPeopleHandler handler, CancellationToken ct) =>
                (await SearchPeopleQuery.Read(request.Query).ThenAsync(q => handler.HandleAsync(q, user, ct))).ToOk())
            .WithSummary("Search people by name (family name first), id, site and role; students only for roles that may see them.");
        return group;
    }
}
