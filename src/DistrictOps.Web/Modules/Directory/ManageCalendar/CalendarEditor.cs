using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.ManageCalendar;

public sealed record CalendarView(
    IReadOnlyList<CalendarYear> Years, IReadOnlyList<(NoSchoolDay Day, string? Site)> NoSchool, IReadOnlyList<(SpecialHours Day, string? Site)> Special,
    IReadOnlyList<(SiteHours Hours, string Site)> SiteHours, IReadOnlyList<(Guid Id, string Name)> Sites);

/// <summary>Edits to the calendar from the calendar page. Every service-level clock reads the calendar afresh, so edits count at once.</summary>
public sealed class CalendarEditor(AppDbContext db, TimeProvider time, IEnumerable<ISchoolCalendarObserver> observers)
{
    public static readonly IReadOnlyList<string> TimeZones =
        ["America/Los_Angeles", "America/Denver", "America/Phoenix", "America/Chicago", "America/New_York", "America/Anchorage", "Pacific/Honolulu"];

    public async Task<CalendarView> ViewAsync(CancellationToken ct = default)
    {
        var sites = await db.Set<Site>().AsNoTracking().Where(s => s.LeftAt == null).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var names = sites.ToDictionary(s => s.Id, s => s.Name);
        string? SiteName(Guid? id) => id is { } g ? names.GetValueOrDefault(g, "?") : null;
        var days = await db.Set<NoSchoolDay>().AsNoTracking().OrderBy(d => d.Date).ToListAsync(ct);
        var special = await db.Set<SpecialHours>().AsNoTracking().OrderBy(d => d.Date).ToListAsync(ct);
        var hours = await db.Set<SiteHours>().AsNoTracking().ToListAsync(ct);
        return new CalendarView(
            await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.FirstDay).ToListAsync(ct),
            days.Select(d => (d, SiteName(d.SiteId))).ToList(),
            special.Select(d => (d, SiteName(d.SiteId))).ToList(),
            hours.Select(h => (h, names.GetValueOrDefault(h.SiteId, "?"))).OrderBy(h => h.Item2).ToList(),
            sites.Select(s => (s.Id, s.Name)).ToList());
    }

    public async Task<Result<NoSchoolDay>> AddNoSchoolDayAsync(DateOnly? date, string? name, Guid? siteId, CancellationToken ct = default)
    {
        var errors = new ErrorList();
        if (date is null)
        {
            errors.Add("date", "Give the date with no school, as YYYY-MM-DD.");
        }

        var reason = errors.Required("name", name, "Say why there is no school, e.g. 'Staff development day'.");
        errors.MaxLength("name", reason, NoSchoolDay.NameMaxLength, $"Say why in at most {NoSchoolDay.NameMaxLength} characters.");
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var existing = await db.Set<NoSchoolDay>().SingleOrDefaultAsync(d => d.Date == date && d.SiteId == siteId, ct);
        if (existing is not null)
        {
            return existing;
        }

        var day = new NoSchoolDay { Id = Guid.CreateVersion7(time.GetUtcNow()), Date = date!.Value, Name = reason!, SiteId = siteId };
        db.Add(day);
        await db.SaveChangesAsync(ct);
        await observers.CalendarChangedAsync(siteId, ct);
        return day;
    }

    public async Task<int> RemoveNoSchoolDayAsync(Guid id, CancellationToken ct = default)
    {
        var siteId = await db.Set<NoSchoolDay>().Where(d => d.Id == id).Select(d => new { d.SiteId }).SingleOrDefaultAsync(ct);
        var removed = await db.Set<NoSchoolDay>().Where(d => d.Id == id).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            await observers.CalendarChangedAsync(siteId?.SiteId, ct);
        }

        return removed;
    }

    public async Task<Result<SiteHours>> SetSiteHoursAsync(Guid siteId, string? timeZone, TimeOnly? start, TimeOnly? end, CancellationToken ct = default)
    {
        if (!await db.Set<Site>().AnyAsync(s => s.Id == siteId, ct))
        {
            return Result.NotFound($"There is no site {siteId}.");
        }

        var errors = new ErrorList();
        if (timeZone is null || !TimeZones.Contains(timeZone))
        {
            errors.Add("timeZone", $"Choose a time zone: {string.Join(", ", TimeZones)}.");
        }

        if (start is null || end is null || start >= end)
        {
            errors.Add("end", "School hours need a start before the end, e.g. 07:30 to 15:00.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var hours = await db.Set<SiteHours>().SingleOrDefaultAsync(h => h.SiteId == siteId, ct);
        if (hours is null)
        {
            hours = new SiteHours { SiteId = siteId, TimeZoneId = timeZone! };
            db.Add(hours);
        }

        hours.TimeZoneId = timeZone!;
        hours.Start = start!.Value;
        hours.End = end!.Value;
        await db.SaveChangesAsync(ct);
        await observers.CalendarChangedAsync(siteId, ct);
        return hours;
    }
}

internal static class SchoolCalendarObservers
{
    public static async Task CalendarChangedAsync(this IEnumerable<ISchoolCalendarObserver> observers, Guid? siteId, CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            await observer.CalendarChangedAsync(siteId, ct);
        }
    }
}
