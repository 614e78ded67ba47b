namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>The school calendar as other modules (service levels, staffing) use it: per site, in the site's time zone.</summary>
public interface ISchoolCalendar
{
    /// <summary>The site's schedule: district years and no-school days, the site's own days, hours and time zone.</summary>
    Task<SchoolSchedule> ScheduleForSiteAsync(Guid siteId, CancellationToken cancellationToken = default);

    Task<bool> IsSchoolTimeAsync(Guid siteId, DateTimeOffset instant, CancellationToken cancellationToken = default);

    Task<TimeSpan> SchoolTimeBetweenAsync(Guid siteId, DateTimeOffset opened, DateTimeOffset closed, CancellationToken cancellationToken = default);
}

/// <summary>Told after the school calendar changes (a no-school day, a site's hours, an imported year), so clocks that count school time recompute.</summary>
public interface ISchoolCalendarObserver
{
    /// <summary><paramref name="siteId"/> is the one site whose calendar changed, or null when the district's did.</summary>
    Task CalendarChangedAsync(Guid? siteId, CancellationToken cancellationToken);
}
