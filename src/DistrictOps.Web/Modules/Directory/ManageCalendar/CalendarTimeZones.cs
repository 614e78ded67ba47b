using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Directory.ManageCalendar;

/// <summary>The school calendar's zones, offered to the platform: the district's from <see cref="CalendarOptions"/>, a site's from its hours.</summary>
internal sealed class CalendarTimeZones(AppDbContext db, IOptions<CalendarOptions> options) : IDistrictTimeZones
{
    public TimeZoneInfo District { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public async Task<TimeZoneInfo> ForSiteAsync(Guid siteId, CancellationToken cancellationToken = default)
    {
        var zone = await db.Set<SiteHours>().AsNoTracking().Where(h => h.SiteId == siteId).Select(h => h.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        return zone is null ? District : TimeZoneInfo.FindSystemTimeZoneById(zone);
    }
}
