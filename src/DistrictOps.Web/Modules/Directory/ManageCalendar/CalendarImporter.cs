using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.ManageCalendar;

public sealed record CalendarImportOutcome(
    SchoolCalendarFile File, int YearsAdded, int YearsRemoved, int DaysAdded, int DaysRemoved, int SpecialAdded, int SpecialRemoved, Guid? RunId)
{
    public bool ChangesNothing => YearsAdded + YearsRemoved + DaysAdded + DaysRemoved + SpecialAdded + SpecialRemoved == 0;
}

/// <summary>
/// Replaces the district calendar (instructional years, district-wide no-school days and minimum days) with what an
/// .ics file says. Site-only days added in the UI are kept. The same file twice changes nothing.
/// </summary>
public sealed class CalendarImporter(AppDbContext db, TimeProvider time, IEnumerable<ISchoolCalendarObserver> observers)
{
    public async Task<CalendarImportOutcome> RunAsync(string fileName, Stream ics, bool apply, string runBy, CancellationToken ct = default)
    {
        var file = SchoolCalendarIcs.Parse(fileName, ics);
        if (!file.Succeeded)
        {
            return new CalendarImportOutcome(file, 0, 0, 0, 0, 0, 0, null);
        }

        var years = await db.Set<CalendarYear>().ToListAsync(ct);
        var days = await db.Set<NoSchoolDay>().Where(d => d.SiteId == null).ToListAsync(ct);
        var special = await db.Set<SpecialHours>().Where(d => d.SiteId == null).ToListAsync(ct);

        var wantedYears = file.InstructionalYears.Select(y => (y.FirstDay, y.LastDay)).ToHashSet();
        var wantedDays = file.NoSchoolDates.Select(d => (d.Date, d.Name)).ToHashSet();
        var wantedSpecial = file.MinimumDays.Select(d => (d.Date, d.Hours.Start, d.Hours.End, d.Name)).ToHashSet();
        var staleYears = years.Where(y => !wantedYears.Contains((y.FirstDay, y.LastDay))).ToList();
        var newYears = wantedYears.Except(years.Select(y => (y.FirstDay, y.LastDay))).ToList();
        var staleDays = days.Where(d => !wantedDays.Contains((d.Date, d.Name))).ToList();
        var newDays = wantedDays.Except(days.Select(d => (d.Date, d.Name))).ToList();
        var staleSpecial = special.Where(d => !wantedSpecial.Contains((d.Date, d.Start, d.End, d.Name))).ToList();
        var newSpecial = wantedSpecial.Except(special.Select(d => (d.Date, d.Start, d.End, d.Name))).ToList();
        var outcome = new CalendarImportOutcome(file, newYears.Count, staleYears.Count, newDays.Count, staleDays.Count, newSpecial.Count, staleSpecial.Count, null);
        if (!apply || outcome.ChangesNothing)
        {
            return outcome;
        }

        var now = time.GetUtcNow();
        db.RemoveRange(staleYears);
        db.RemoveRange(staleDays);
        db.RemoveRange(staleSpecial);
        db.AddRange(newYears.Select(y => new CalendarYear { Id = Guid.CreateVersion7(now), FirstDay = y.FirstDay, LastDay = y.LastDay, Name = $"{y.FirstDay.Year}-{y.LastDay.Year % 100:00}" }));
        db.AddRange(newDays.Select(d => new NoSchoolDay { Id = Guid.CreateVersion7(now), Date = d.Date, Name = d.Name }));
        db.AddRange(newSpecial.Select(d => new SpecialHours { Id = Guid.CreateVersion7(now), Date = d.Date, Start = d.Start, End = d.End, Name = d.Name }));
        var runId = Guid.CreateVersion7(now);
        db.Add(new ImportRun
        {
            Id = runId, Kind = ImportKind.Calendar, Source = Path.GetFileName(fileName), Description = "District school calendar", RunBy = runBy,
            StartedAt = now, CompletedAt = now,
            CountsJson = System.Text.Json.JsonSerializer.Serialize(new
            {
                CalendarYear = new { Add = newYears.Count, Remove = staleYears.Count },
                NoSchoolDay = new { Add = newDays.Count, Remove = staleDays.Count },
                SpecialHours = new { Add = newSpecial.Count, Remove = staleSpecial.Count },
            }),
        });
        await db.SaveChangesAsync(ct);
        if (newYears.Count + staleYears.Count + newDays.Count + staleDays.Count + newSpecial.Count + staleSpecial.Count > 0)
        {
            await observers.CalendarChangedAsync(null, ct);
        }

        return outcome with { RunId = runId };
    }
}
