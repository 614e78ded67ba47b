using DistrictOps.Web.Modules.Directory.Contracts;
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

    /// <summary>The filters as the access log keeps them, e.g. <c>query=garcia role=Student page=2</c>.</summary>
    public string Describe() => string.Join(' ', new[]
    {
        Query is { Length: > 0 } q ? $"query={q}" : null,
        Site is { } site ? $"site={site}" : null,
        Role is { } role ? $"role={role}" : null,
        $"page={Page.Page}",
        $"pageSize={Page.Size}",
    }.OfType<string>());
}

public sealed record PersonRow(Guid Id, string SourcedId, string Name, PersonKind Kind, string? Identifier, string? Grades, string? Site);

/// <summary>
/// People by name prefix (family name first), by id (SIS, local, or employee id for HR), site and role. Students and
/// guardians appear only to roles that may see them, site-scoped roles see only their sites' families, and a page that
/// lists any is written to the access log with what was asked and how many it listed.
/// </summary>
public sealed class SearchPeopleHandler(AppDbContext db, PermissionRegistry permissions, StudentAccessLog accessLog)
{
    public async Task<PagedResult<PersonRow>> HandleAsync(SearchPeopleQuery query, DirectoryReader reader, CancellationToken cancellationToken = default)
    {
        var people = StudentAccess.For(reader.User, permissions)
            .Visible(db.Set<Person>().AsNoTracking().Where(p => p.LeftAt == null), db.Set<PersonSite>());
        if (!string.IsNullOrWhiteSpace(query.Query))
        {
            var term = query.Query.Trim();
            var upper = term.ToUpperInvariant();
            var byEmployeeId = permissions.Grants(reader.User, DirectoryPermissions.StaffHr);
            people = people.Where(p => p.SortName.StartsWith(upper) || p.SourcedId == term || p.Identifier == term || (byEmployeeId && p.EmployeeId == term));
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
        accessLog.Listed(reader, query.Describe(), page.Items.Where(p => StudentAccess.IsFamily(p.Kind)).Select(p => p.Id).ToList());
        await db.SaveChangesAsync(cancellationToken);
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
        group.MapGet("/people", async (HttpContext context, SearchPeopleHandler handler, CancellationToken ct) =>
                (await SearchPeopleQuery.Read(context.Request.Query).ThenAsync(q => handler.HandleAsync(q, DirectoryReader.Of(context), ct))).ToOk())
            .WithSummary("Search people by name (family name first), id, site and role; students only for roles that may see them, and a page listing any is written to the access log.");
        return group;
    }
}
