using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.ViewSite;

public sealed record StaffRow(Guid Id, string Name, string Role, string? Email);

public sealed record CoverageRow(Guid PersonId, string Name, decimal Share);

public sealed record SiteDetail(
    Guid Id, string SourcedId, string Name, string? Identifier, OrgType OrgType, SiteType Type, bool TypeSetByAdmin, string Grades, int Enrollment,
    string? ParentName, IReadOnlyList<CoverageRow> Coverage, int StaffCount, IReadOnlyList<StaffRow> Staff);

public sealed class ViewSiteHandler(AppDbContext db)
{
    public const int StaffShown = 200;

    public async Task<Result<SiteDetail>> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var site = await db.Set<Site>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (site is null)
        {
            return Result.NotFound($"There is no site {id}.");
        }

        var parent = site.ParentSourcedId is null ? null
            : await db.Set<Site>().Where(s => s.SourcedId == site.ParentSourcedId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        var staff = from ps in db.Set<PersonSite>()
                    join p in db.Set<Person>() on ps.PersonId equals p.Id
                    where ps.SiteId == id && p.LeftAt == null && p.Kind != PersonKind.Student && p.Kind != PersonKind.Guardian
                    select new { p.Id, p.SortName, p.GivenName, p.FamilyName, ps.Role, p.Email };
        var coverage = await (from c in db.Set<TechnicianCoverage>()
                              join p in db.Set<Person>() on c.PersonId equals p.Id
                              where c.SiteId == id
                              orderby c.Share descending, p.SortName
                              select new CoverageRow(p.Id, p.GivenName + " " + p.FamilyName, c.Share)).ToListAsync(cancellationToken);
        var count = await staff.CountAsync(cancellationToken);
        var rows = await staff.OrderBy(s => s.SortName).Take(StaffShown).ToListAsync(cancellationToken);
        return new SiteDetail(site.Id, site.SourcedId, site.Name, site.Identifier, site.OrgType, site.Type, site.TypeSetByAdmin, site.Grades, site.Enrollment,
            parent, coverage, count, rows.Select(r => new StaffRow(r.Id, $"{r.GivenName} {r.FamilyName}", r.Role, r.Email)).ToList());
    }
}

internal static class ViewSiteApi
{
    public static RouteGroupBuilder MapViewSiteApi(this RouteGroupBuilder group)
    {
        group.MapGet("/sites/{id}", async (Guid id, ViewSiteHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToOk())
            .WithSummary("A site with its type, grades, enrollment and staff.");
        return group;
    }
}
