using System.Net;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Directory;

public sealed class SchoolCalendarTests : IDisposable
{
    private const string Calendar =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Calendar//EN\r\n" +
        "BEGIN:VEVENT\r\nUID:year@test\r\nDTSTAMP:20260701T000000Z\r\nDTSTART;VALUE=DATE:20260812\r\nDTEND;VALUE=DATE:20270604\r\nSUMMARY:School year 2026-27\r\nCATEGORIES:INSTRUCTIONAL-YEAR\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nUID:thanksgiving@test\r\nDTSTAMP:20260701T000000Z\r\nDTSTART;VALUE=DATE:20261123\r\nDTEND;VALUE=DATE:20261128\r\nSUMMARY:Thanksgiving break\r\nCATEGORIES:NO-SCHOOL\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nUID:minimum@test\r\nDTSTAMP:20260701T000000Z\r\nDTSTART;TZID=America/Los_Angeles:20261120T070000\r\nDTEND;TZID=America/Los_Angeles:20261120T123000\r\nSUMMARY:Minimum day\r\nCATEGORIES:MINIMUM-DAY\r\nEND:VEVENT\r\n" +
        "END:VCALENDAR\r\n";

    private static readonly DateTimeOffset MondayBefore = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayAfter = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-calendar-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Theory]
    [Providers]
    public async Task An_imported_calendar_drives_school_time_and_a_page_edit_counts_at_once(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var roster = await CliRunner.RunAsync(db, "import", "oneroster", RosterPackage.SmallDistrict().WriteTo(Path.Combine(_folder, "roster")), "--apply");
        Assert.True(roster.Code == 0, roster.Error);
        var ics = Path.Combine(_folder, "district.ics");
        await File.WriteAllTextAsync(ics, Calendar);

        var imported = await CliRunner.RunAsync(db, "import", "calendar", ics, "--apply");
        var again = await CliRunner.RunAsync(db, "import", "calendar", ics, "--apply");

        Assert.True(imported.Code == 0, imported.Error);
        Assert.Contains("days without school: +5 -0; minimum days: +1 -0", imported.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing would change.", again.Out, StringComparison.Ordinal);
        Guid site;
        await using (var context = db.OpenContext())
        {
            site = await context.Set<Site>().Where(s => s.SourcedId == "org-es-01").Select(s => s.Id).SingleAsync();
        }

        Assert.Equal(TimeSpan.FromHours(4 * 8 + 5.5), await SchoolTimeAsync(app, site));

        var manager = app.Browser();
        await manager.SignInAsync("it.manager@bayview.example");
        var added = await manager.PostFormAsync("/directory/calendar", "/directory/calendar?handler=Add",
            new() { ["date"] = "2026-11-18", ["name"] = "Site staff day", ["siteId"] = site.ToString() });
        Assert.Contains("2026-11-18 is now a day without school.", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(3 * 8 + 5.5), await SchoolTimeAsync(app, site));

        await manager.PostFormAsync("/directory/calendar", "/directory/calendar?handler=Hours",
            new() { ["siteId"] = site.ToString(), ["timeZone"] = "America/New_York", ["start"] = "08:00", ["end"] = "14:00" });
        await using var scope = app.Services.CreateAsyncScope();
        var calendar = scope.ServiceProvider.GetRequiredService<ISchoolCalendar>();
        Assert.True(await calendar.IsSchoolTimeAsync(site, new DateTimeOffset(2026, 11, 16, 13, 30, 0, TimeSpan.Zero)));
        Assert.False(await calendar.IsSchoolTimeAsync(site, new DateTimeOffset(2026, 11, 16, 19, 30, 0, TimeSpan.Zero)));

        var teacher = app.Browser();
        await teacher.SignInAsync("teacher@bayview.example");
        Assert.Contains("Thanksgiving break", await teacher.GetStringAsync("/directory/calendar"), StringComparison.Ordinal);
        var refused = await teacher.PostFormAsync("/directory/calendar", "/directory/calendar?handler=Add", new() { ["date"] = "2026-11-19", ["name"] = "x" });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Theory]
    [Providers]
    public async Task A_bad_calendar_names_the_line_and_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ics = Path.Combine(_folder, "bad.ics");
        await File.WriteAllTextAsync(ics, Calendar.Replace("CATEGORIES:NO-SCHOOL\r\n", "", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(db, "import", "calendar", ics, "--apply");

        Assert.Equal(1, result.Code);
        Assert.Contains("bad.ics: line", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was applied.", result.Error, StringComparison.Ordinal);
        await using var context = db.OpenContext();
        Assert.Equal(0, await context.Set<CalendarYear>().CountAsync());
    }

    private static async Task<TimeSpan> SchoolTimeAsync(DistrictOpsFactory app, Guid site)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISchoolCalendar>().SchoolTimeBetweenAsync(site, MondayBefore, MondayAfter);
    }
}
