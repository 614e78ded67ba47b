using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>
/// The district's current sites, held in memory like the help desk's lookups (ADR 0022): nearly every request reads them (a
/// ticket's routing, every site filter, the reports). Dropped on any write through the app to the sites (an import, bulk
/// loads included, or a site's type set by hand) after it commits; a write from elsewhere (the CLI) is seen within
/// <see cref="TableWatch.CopyLifetime"/>.
/// </summary>
public sealed class CurrentSites
{
    private readonly TableCopy<IReadOnlyList<SiteSummary>> _copy;

    public CurrentSites(TimeProvider clock) => _copy = new(Watch, clock);

    public TableWatch Watch { get; } = new("directory_sites");

    internal Task<IReadOnlyList<SiteSummary>> GetAsync(AppDbContext db, CancellationToken cancellationToken) =>
        _copy.GetAsync(db, async () => (IReadOnlyList<SiteSummary>)await db.Set<Site>().AsNoTracking().Where(s => s.LeftAt == null).OrderBy(s => s.Name)
            .Select(s => new SiteSummary(s.Id, s.SourcedId, s.Name, s.Type.ToString(), s.Enrollment)).ToListAsync(cancellationToken));
}

/// <summary>Reads the sites: the current ones from the held list, a site that has left from the database.</summary>
internal sealed class SiteDirectory(AppDbContext db, CurrentSites current) : ISiteDirectory
{
    public Task<IReadOnlyList<SiteSummary>> ListAsync(CancellationToken cancellationToken = default) => current.GetAsync(db, cancellationToken);

    public async Task<SiteSummary?> FindAsync(Guid siteId, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(s => s.Id == siteId)
        ?? await db.Set<Site>().AsNoTracking().Where(s => s.Id == siteId)
            .Select(s => new SiteSummary(s.Id, s.SourcedId, s.Name, s.Type.ToString(), s.Enrollment)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<CoverageShare>> CoverageAsync(Guid siteId, CancellationToken cancellationToken = default) =>
        await (from c in db.Set<TechnicianCoverage>()
               join p in db.Set<Person>() on c.PersonId equals p.Id
               where c.SiteId == siteId && p.LeftAt == null
               orderby c.Share descending, p.SortName
               select new CoverageShare(p.Id, p.GivenName + " " + p.FamilyName, c.Share)).ToListAsync(cancellationToken);
}

internal sealed class DirectoryChanges(AppDbContext db) : IDirectoryChanges
{
    private const int PageSize = 5_000;

    public async Task<IReadOnlyList<ImportRunSummary>> RunsAfterAsync(DateTimeOffset after, CancellationToken cancellationToken = default) =>
        (await db.Set<ImportRun>().AsNoTracking().Where(r => r.CompletedAt > after).ToListAsync(cancellationToken))
            .OrderBy(r => r.CompletedAt).Select(r => new ImportRunSummary(r.Id, r.Kind.ToString(), r.CompletedAt)).ToList();

    public async Task<IReadOnlyList<(long ChangeId, DirectoryChange Change)>> ChangesAsync(Guid runId, string entity, long afterChangeId = 0, CancellationToken cancellationToken = default) =>
        (await db.Set<ImportChange>().AsNoTracking()
            .Where(c => c.RunId == runId && c.Entity == entity && c.Id > afterChangeId)
            .OrderBy(c => c.Id).Take(PageSize).ToListAsync(cancellationToken))
        .Select(c => (c.Id, new DirectoryChange(c.Entity, c.EntityId, c.SourcedId, c.Kind.ToString(), c.Fields))).ToList();
}
