using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.Web.Modules.Helpdesk.Automations.RunAutomations;

/// <summary>Whole school days on a site's calendar, for automations that wait "N school days".</summary>
public static class SchoolDays
{
    /// <summary>
    /// Whether <paramref name="days"/> instructional days have passed in full between <paramref name="since"/> and
    /// <paramref name="now"/>, read as dates in the site's time zone: the day of <paramref name="since"/> and the day of
    /// <paramref name="now"/> do not count. Pending on a Friday, three school days have passed on Thursday.
    /// </summary>
    public static bool HavePassed(SchoolSchedule schedule, DateTimeOffset since, DateTimeOffset now, int days)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (days <= 0)
        {
            return now >= since;
        }

        var first = LocalDate(schedule, since).AddDays(1);
        var today = LocalDate(schedule, now);
        var counted = 0;
        for (var date = first; date < today; date = date.AddDays(1))
        {
            if (SchoolTime.IsInstructionalDay(schedule, date) && ++counted >= days)
            {
                return true;
            }
        }

        return false;
    }

    private static DateOnly LocalDate(SchoolSchedule schedule, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, schedule.TimeZone).DateTime);
}

/// <summary>Each site's schedule read once per job run; a site without a calendar yet gives null.</summary>
internal sealed class SiteSchedules(ISchoolCalendar calendar)
{
    private readonly Dictionary<Guid, SchoolSchedule?> _bySite = [];

    public async Task<SchoolSchedule?> ForAsync(Guid siteId, CancellationToken cancellationToken)
    {
        if (!_bySite.TryGetValue(siteId, out var schedule))
        {
            try
            {
                schedule = await calendar.ScheduleForSiteAsync(siteId, cancellationToken);
            }
            catch (InvalidOperationException)
            {
                schedule = null;
            }

            _bySite[siteId] = schedule;
        }

        return schedule;
    }
}
