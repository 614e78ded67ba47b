using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.ViewSite;

/// <summary>An administrator's word on a site's type (an alternative high school looks like any high school by its grades); imports keep it. Null goes back to the derived type.</summary>
public sealed class SetSiteTypeHandler(AppDbContext db)
{
    public async Task<Result<Site>> HandleAsync(Guid siteId, SiteType? type, CancellationToken cancellationToken = default)
    {
        var site = await db.Set<Site>().SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (site is null)
        {
            return Result.NotFound($"There is no site {siteId}.");
        }

        var errors = new ErrorList();
        if (!errors.Defined("type", type))
        {
            return Result.Invalid(errors);
        }

        site.TypeSetByAdmin = type is not null;
        site.Type = type ?? SiteTypes.Of(site);
        await db.SaveChangesAsync(cancellationToken);
        return site;
    }
}
