namespace DistrictOps.Web.Platform.Time;

/// <summary>
/// Where the district's clocks are: declared here so the platform's <see cref="DistrictTime"/> and its tag helper can use it,
/// offered by the Directory module, which owns the school calendar (<c>Directory:Calendar:TimeZone</c> and each site's zone).
/// See docs/adr/0014-district-time.md.
/// </summary>
public interface IDistrictTimeZones
{
    TimeZoneInfo District { get; }

    /// <summary>The site's own zone from the school calendar, else the district's.</summary>
    Task<TimeZoneInfo> ForSiteAsync(Guid siteId, CancellationToken cancellationToken = default);
}
