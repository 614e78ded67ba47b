using System.Globalization;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>The Directory's side of <see cref="ITechnicianCoverage"/>; the HR import still replaces the whole table when it carries a coverage file.</summary>
internal sealed class TechnicianCoverageStore(AppDbContext db) : ITechnicianCoverage
{
    public const decimal MaxShare = 1.00m;

    public async Task<IReadOnlyList<CoverageAssignment>> ListAsync(CancellationToken cancellationToken = default) =>
        await (from c in db.Set<TechnicianCoverage>()
               join p in db.Set<Person>() on c.PersonId equals p.Id
               join s in db.Set<Site>() on c.SiteId equals s.Id
               where p.LeftAt == null && s.LeftAt == null
               orderby p.SortName, p.Id, s.Name
               select new CoverageAssignment(p.Id, p.GivenName + " " + p.FamilyName, s.Id, c.Share)).AsNoTracking().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> SitesOfAsync(Guid personId, CancellationToken cancellationToken = default) =>
        await (from c in db.Set<TechnicianCoverage>()
               join s in db.Set<Site>() on c.SiteId equals s.Id
               where c.PersonId == personId && s.LeftAt == null
               select c.SiteId).ToListAsync(cancellationToken);

    public async Task<Result<decimal?>> SetAsync(Guid personId, Guid siteId, decimal share, CancellationToken cancellationToken = default)
    {
        var errors = new ErrorList();
        if (share is < 0 or > MaxShare || decimal.Round(share, 2) != share)
        {
            errors.Add("share", string.Create(CultureInfo.InvariantCulture, $"A share is a part of one full-time technician from 0 to 1 with at most two decimals (0.5 is half time); {share} is not. 0 removes it."));
        }

        var person = await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Kind, p.LeftAt }).SingleOrDefaultAsync(cancellationToken);
        if (person is null || person.LeftAt is not null)
        {
            errors.Add("personId", $"There is no current staff member {personId}.");
        }
        else if (person.Kind is PersonKind.Student or PersonKind.Guardian)
        {
            errors.Add("personId", $"Only staff cover sites; {personId} is not a staff member.");
        }

        if (!await db.Set<Site>().AnyAsync(s => s.Id == siteId && s.LeftAt == null, cancellationToken))
        {
            errors.Add("siteId", $"There is no current site {siteId}.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var row = await db.Set<TechnicianCoverage>().SingleOrDefaultAsync(c => c.PersonId == personId && c.SiteId == siteId, cancellationToken);
        if (share == 0)
        {
            if (row is not null)
            {
                db.Remove(row);
                await db.SaveChangesAsync(cancellationToken);
            }

            return (decimal?)null;
        }

        if (row is null)
        {
            db.Add(new TechnicianCoverage { PersonId = personId, SiteId = siteId, Share = share });
        }
        else
        {
            row.Share = share;
        }

        await db.SaveChangesAsync(cancellationToken);
        return share;
    }

    public async Task<bool> RemoveAsync(Guid personId, Guid siteId, CancellationToken cancellationToken = default) =>
        await db.Set<TechnicianCoverage>().Where(c => c.PersonId == personId && c.SiteId == siteId).ExecuteDeleteAsync(cancellationToken) > 0;
}
