using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Directory;

public sealed class ImportStaffTests : IDisposable
{
    internal const string Header = "employeeId,personSourcedId,givenName,familyName,email,positionTitle,department,siteSourcedIds,status,startDate,endDate";

    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("districtops-hr-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);

    [Theory]
    [Providers]
    public async Task Hr_staff_join_the_roster_people_or_stand_alone_and_import_again_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await RosterAsync(provider);
        var hr = Hr(
            "E001,t-es,Maria,Lopez,maria.lopez@bayview.example,Teacher,Harbor View Elementary,org-es-01,active,2015-08-10,",
            "E900,,Ivan,Petrov,ivan.petrov@bayview.example,Desktop Technician,Information Technology,\"org-es-01,org-hs-01\",active,2019-01-07,",
            "E901,,Amy,Chen,amy.chen@bayview.example,Help Desk Technician,Information Technology,org-district,active,2021-03-01,");
        Coverage(hr, "E900,org-es-01,1.00", "E900,org-hs-01,0.50", "E901,org-hs-01,0.50");

        var applied = await CliRunner.RunAsync(db, "import", "hr", hr, "--apply");

        Assert.True(applied.Code == 0, applied.Error);
        Assert.Matches(@"Staff\s+staff\.csv\s+bulk\s+3\s+0\s+0\s+0", applied.Out);
        await using (var context = db.OpenContext())
        {
            var teacher = await context.Set<Person>().SingleAsync(p => p.SourcedId == "t-es");
            Assert.Equal(("E001", "Teacher", PersonKind.Teacher), (teacher.EmployeeId, teacher.PositionTitle, teacher.Kind));
            var tech = await context.Set<Person>().SingleAsync(p => p.EmployeeId == "E900");
            Assert.Equal(PersonKind.Staff, tech.Kind);
            Assert.Equal(2, await context.Set<PersonSite>().CountAsync(s => s.PersonId == tech.Id));
            var hs = await context.Set<Site>().SingleAsync(s => s.SourcedId == "org-hs-01");
            Assert.Equal(1.00m, await context.Set<TechnicianCoverage>().Where(c => c.SiteId == hs.Id).SumAsync(c => c.Share));
        }

        var again = await CliRunner.RunAsync(db, "import", "hr", hr, "--apply");
        Assert.Matches(@"Staff\s+staff\.csv\s+bulk\s+0\s+0\s+3\s+0", again.Out);
        Assert.Matches(@"TechnicianCoverage\s+coverage\.csv\s+bulk\s+0\s+0\s+3\s+0", again.Out);
    }

    [Theory]
    [Providers]
    public async Task A_bulk_roster_import_that_changes_people_keeps_the_site_memberships_hr_gave(DatabaseProvider provider)
    {
        await using var db = await RosterAsync(provider);
        var hr = Hr("E900,,Ivan,Petrov,ivan.petrov@bayview.example,Desktop Technician,Information Technology,\"org-es-01,org-hs-01\",active,2019-01-07,");
        Assert.Equal(0, (await CliRunner.RunAsync(db, "import", "hr", hr, "--apply")).Code);
        var roster = RosterPackage.SmallDistrict();
        roster.Row(OneRosterSpec.Users, "t-es")["familyName"] = "Lopez-Reyes";

        var applied = await CliRunner.RunAsync(db, "import", "oneroster", roster.WriteTo(Path.Combine(_root, "roster")), "--apply");

        Assert.True(applied.Code == 0, applied.Error);
        await using var context = db.OpenContext();
        Assert.Equal("Lopez-Reyes", (await context.Set<Person>().SingleAsync(p => p.SourcedId == "t-es")).FamilyName);
        var tech = await context.Set<Person>().SingleAsync(p => p.EmployeeId == "E900");
        var sites = await (from membership in context.Set<PersonSite>()
                           join site in context.Set<Site>() on membership.SiteId equals site.Id
                           where membership.PersonId == tech.Id
                           select site.SourcedId + " " + membership.Role).ToListAsync();
        Assert.Equal(["org-es-01 staff", "org-hs-01 staff"], sites.Order(StringComparer.Ordinal));
    }

    [Theory]
    [Providers]
    public async Task An_employee_missing_from_the_file_leaves_and_a_changed_title_is_recorded(DatabaseProvider provider)
    {
        await using var db = await RosterAsync(provider);
        var first = Hr(
            "E900,,Ivan,Petrov,ivan.petrov@bayview.example,Desktop Technician,Information Technology,org-es-01,active,2019-01-07,",
            "E901,,Amy,Chen,amy.chen@bayview.example,Help Desk Technician,Information Technology,org-district,active,2021-03-01,");
        Assert.Equal(0, (await CliRunner.RunAsync(db, "import", "hr", first, "--apply")).Code);
        var second = Hr("E900,,Ivan,Petrov,ivan.petrov@bayview.example,Technology Support Specialist 1,Information Technology,org-es-01,active,2019-01-07,");

        var refused = await CliRunner.RunAsync(db, "import", "hr", second, "--apply");
        var applied = await CliRunner.RunAsync(db, "import", "hr", second, "--apply", "--allow-shrink");

        Assert.Equal(2, refused.Code);
        Assert.Contains("would end 1 of 2 employees (50%)", refused.Error, StringComparison.Ordinal);
        Assert.True(applied.Code == 0, applied.Error);
        await using var context = db.OpenContext();
        var amy = await context.Set<Person>().SingleAsync(p => p.EmployeeId == "E901");
        Assert.Equal("terminated", amy.HrStatus);
        Assert.NotNull(amy.LeftAt);
        var run = await context.Set<ImportRun>().Where(r => r.Kind == ImportKind.HrStaff).OrderByDescending(r => r.Id).FirstAsync();
        var changes = await context.Set<ImportChange>().Where(c => c.RunId == run.Id).ToListAsync();
        Assert.Equal("positionTitle", Assert.Single(changes, c => c.Kind == ChangeKind.Changed).Fields);
        Assert.Equal("E901", Assert.Single(changes, c => c.Kind == ChangeKind.Left).SourcedId);
    }

    [Theory]
    [Providers]
    public async Task Bad_hr_rows_are_reported_exactly_and_nothing_is_applied(DatabaseProvider provider)
    {
        await using var db = await RosterAsync(provider);
        var hr = Hr(
            "E900,,Ivan,Petrov,,Desktop Technician,IT,org-nowhere,active,2019-01-07,",
            "E901,,Amy,Chen,,Help Desk Technician,IT,org-district,retired,2021-03-01,",
            "E901,s-404,Amy,Chen,,Help Desk Technician,IT,org-district,active,2021-03-01,");
        Coverage(hr, "E900,org-es-01,0.75", "E901,org-es-01,0.50");

        var result = await CliRunner.RunAsync(db, "import", "hr", hr, "--apply");

        Assert.Equal(1, result.Code);
        Assert.Contains("staff.csv:2:8 — siteSourcedIds 'org-nowhere' names no site in DistrictOps; import the SIS roster first.", result.Error, StringComparison.Ordinal);
        Assert.Contains("staff.csv:3:9 — status 'retired' is not one of active, leave, terminated.", result.Error, StringComparison.Ordinal);
        Assert.Contains("staff.csv:4:2 — personSourcedId 's-404' names nobody imported from the SIS.", result.Error, StringComparison.Ordinal);
        Assert.Contains("staff.csv:4:1 — employeeId 'E901' appears twice (first on line 3).", result.Error, StringComparison.Ordinal);
        await using var context = db.OpenContext();
        Assert.Equal(0, await context.Set<Person>().CountAsync(p => p.EmployeeId != null));
        Assert.Equal(0, await context.Set<ImportRun>().CountAsync(r => r.Kind == ImportKind.HrStaff));
    }

    [Theory]
    [Providers]
    public async Task Coverage_shares_above_one_for_a_site_are_refused(DatabaseProvider provider)
    {
        await using var db = await RosterAsync(provider);
        var hr = Hr(
            "E900,,Ivan,Petrov,,Desktop Technician,IT,org-es-01,active,2019-01-07,",
            "E901,,Amy,Chen,,Desktop Technician,IT,org-es-01,active,2021-03-01,");
        Coverage(hr, "E900,org-es-01,0.75", "E901,org-es-01,0.50", "E404,org-es-01,0.10", "E900,org-hs-01,half");

        var result = await CliRunner.RunAsync(db, "import", "hr", hr, "--plan");

        Assert.Equal(1, result.Code);
        Assert.Contains("coverage.csv:3:3 — the shares for site 'org-es-01' add up to 1.25; at most 1.00.", result.Error, StringComparison.Ordinal);
        Assert.Contains("coverage.csv:4:1 — employeeId 'E404' is not in staff.csv.", result.Error, StringComparison.Ordinal);
        Assert.Contains("coverage.csv:5:3 — share 'half' is not a number above 0 and at most 1, like 0.50.", result.Error, StringComparison.Ordinal);
    }

    private async Task<TestDatabase> RosterAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var roster = RosterPackage.SmallDistrict().WriteTo(Path.Combine(_root, "roster"));
        var imported = await CliRunner.RunAsync(db, "import", "oneroster", roster, "--apply");
        Assert.True(imported.Code == 0, imported.Error);
        return db;
    }

    private string Hr(params string[] rows)
    {
        var folder = System.IO.Directory.CreateDirectory(Path.Combine(_root, "hr-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        File.WriteAllText(Path.Combine(folder, "staff.csv"), string.Join('\n', [Header, .. rows]) + "\n");
        return folder;
    }

    private static void Coverage(string folder, params string[] rows) =>
        File.WriteAllText(Path.Combine(folder, "coverage.csv"), string.Join('\n', ["employeeId,siteSourcedId,share", .. rows]) + "\n");
}
