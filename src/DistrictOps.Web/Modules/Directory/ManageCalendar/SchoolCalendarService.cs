using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Directory.ManageCalendar;

/// <summary>The <c>Directory</c> configuration section: the district's default time zone and school hours.</summary>
public sealed class CalendarOptions : IValidatableObject
{
    public const string Section = "Directory:Calendar";

    [TimeZoneId]
    public string TimeZone { get; set; } = "America/Los_Angeles";

    public TimeOnly SchoolStart { get; set; } = new(7, 0);

    public TimeOnly SchoolEnd { get; set; } = new(15, 0);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SchoolEnd <= SchoolStart)
        {
            yield return new ValidationResult($"{nameof(SchoolEnd)} must be later than {nameof(SchoolStart)}.");
        }
    }
}

/// <summary>
/// Each site's schedule held in memory (ADR 0022): every ticket write computes service levels with it. Any write through the
/// app to the calendar's tables drops every copy, so an edit or a calendar import counts at once.
/// </summary>
internal sealed class SchoolSchedules
{
    private readonly TableCopies<Guid, Held> _copies;

    public SchoolSchedules(TimeProvider clock) => _copies = new(Watch, clock);

    public TableWatch Watch { get; } = new("directory_calendar_years", "directory_no_school_days", "directory_special_hours", "directory_site_hours");

    public Task<Held> GetAsync(AppDbContext db, Guid siteId, Func<Task<SchoolSchedule?>> load) =>
        _copies.GetAsync(db, siteId, async () => new Held(await load()));

    /// <summary>The schedule, or null while the district has no instructional year.</summary>
    internal sealed record Held(SchoolSchedule? Schedule);
}

/// <summary>Builds a site's <see cref="SchoolSchedule"/> from the stored calendar (<see cref="SchoolSchedules"/> keeps it).</summary>
internal sealed class SchoolCalendarService(AppDbContext db, IOptions<CalendarOptions> options, SchoolSchedules schedules) : ISchoolCalendar
{
    public async Task<SchoolSchedule> ScheduleForSiteAsync(Guid siteId, CancellationToken cancellationToken = default) =>
        (await schedules.GetAsync(db, siteId, () => ReadAsync(siteId, cancellationToken))).Schedule
        ?? throw new InvalidOperationException("The school calendar has no instructional year yet; import the district calendar (.ics) first.");

    private async Task<SchoolSchedule?> ReadAsync(Guid siteId, CancellationToken cancellationToken)
    {
        var years = await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.FirstDay).ToListAsync(cancellationToken);
        if (years.Count == 0)
        {
            return null;
        }

        var hours = await db.Set<SiteHours>().AsNoTracking().SingleOrDefaultAsync(h => h.SiteId == siteId, cancellationToken);
        var noSchool = await db.Set<NoSchoolDay>().AsNoTracking().Where(d => d.SiteId == null || d.SiteId == siteId).Select(d => d.Date).Distinct().ToListAsync(cancellationToken);
        var special = (await db.Set<SpecialHours>().AsNoTracking().Where(d => d.SiteId == null || d.SiteId == siteId).ToListAsync(cancellationToken))
            .Where(d => !noSchool.Contains(d.Date))
            .GroupBy(d => d.Date)
            .ToDictionary(g => g.Key, g =>
            {
                var day = g.FirstOrDefault(d => d.SiteId == siteId) ?? g.First();
                return new SchoolHours(day.Start, day.End);
            });
        var (start, end) = hours is null ? (options.Value.SchoolStart, options.Value.SchoolEnd) : (hours.Start, hours.End);
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(d => d, _ => new SchoolHours(start, end));
        return SchoolSchedule.Create(
            TimeZoneInfo.FindSystemTimeZoneById(hours?.TimeZoneId ?? options.Value.TimeZone),
            years.Select(y => new InstructionalYear(y.FirstDay, y.LastDay)),
            noSchool, weekdays, special);
    }

    public async Task<bool> IsSchoolTimeAsync(Guid siteId, DateTimeOffset instant, CancellationToken cancellationToken = default) =>
        SchoolTime.IsSchoolTime(await ScheduleForSiteAsync(siteId, cancellationToken), instant);

    public async Task<TimeSpan> SchoolTimeBetweenAsync(Guid siteId, DateTimeOffset opened, DateTimeOffset closed, CancellationToken cancellationToken = default) =>
        SchoolTime.SchoolTimeBetween(await ScheduleForSiteAsync(siteId, cancellationToken), opened, closed);
}
