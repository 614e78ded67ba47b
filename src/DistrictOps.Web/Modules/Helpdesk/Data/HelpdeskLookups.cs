using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Data;

/// <summary>The small lists the help desk pages offer as choices.</summary>
internal static class HelpdeskLookups
{
    public static async Task<IReadOnlyList<Team>> TeamsByTierAsync(this AppDbContext db, CancellationToken cancellationToken) =>
        await db.Set<Team>().AsNoTracking().OrderBy(t => t.Tier).ThenBy(t => t.Name).ToListAsync(cancellationToken);

    public static async Task<IReadOnlyList<IssueType>> ActiveIssueTypesAsync(this AppDbContext db, CancellationToken cancellationToken) =>
        await db.Set<IssueType>().AsNoTracking().Where(c => c.Active).OrderBy(c => c.Path).ToListAsync(cancellationToken);
}
