using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.ViewSite;

/// <summary>An administrator's word on a site's type (an alternative high school looks like any high school by its grades); imports keep it. Null goes back to the derived type.</summary>
public sealed class SetSiteTypeHandler(AppDbContext db)
{
    public async Task<Site?> HandleAsync(Guid siteId, SiteType? type, CancellationToken cancellationToken = default)
    {
        var site = await db.Set<Site>().SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (site is null)
        {
            return null;
        }

        site.TypeSetByAdmin = type is not null;
        site.Type = type ?? SiteTypes.Derive(site.OrgType, site.Grades);
        await db.SaveChangesAsync(cancellationToken);
        return site;
    }
}
