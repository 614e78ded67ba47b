using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Directory;

public sealed class RosterDataTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-roster-data-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Theory]
    [Providers]
    public async Task A_scope_cuts_the_roster_to_its_sites_people_and_classes_and_each_row_knows_when_it_changed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var package = RosterPackage.SmallDistrict();
        package.Add(OneRosterSpec.Courses, ("sourcedId", "crs-pe"), ("title", "Physical Education"), ("orgSourcedId", "org-district"), ("schoolYearSourcedId", "sy-2027"));
        package.Add(OneRosterSpec.Classes, ("sourcedId", "cls-pe-1"), ("title", "PE P2"), ("courseSourcedId", "crs-pe"), ("classType", "scheduled"),
            ("schoolSourcedId", "org-hs-01"), ("termSourcedIds", "s1-2027"));
        Assert.Equal(0, (await CliRunner.RunAsync(db, "import", "oneroster", package.WriteTo(Path.Combine(_folder, "1")), "--apply")).Code);

        await using var scope = app.Services.CreateAsyncScope();
        var roster = scope.ServiceProvider.GetRequiredService<IRosterData>();
        Guid high;
        await using (var context = db.OpenContext())
        {
            high = await context.Set<Site>().Where(s => s.SourcedId == "org-hs-01").Select(s => s.Id).SingleAsync();
        }

        var everything = RosterScope.Everything;
        Assert.Equal(15, await roster.Users(everything).CountAsync());
        Assert.Equal(12, await roster.Enrollments(everything).CountAsync());
        Assert.Equal(5, await roster.Demographics(everything).CountAsync());
        Assert.All(await roster.Users(everything).ToListAsync(), u => Assert.NotNull(u.ModifiedAt));

        var highStudents = new RosterScope([high], RosterRoles.Students | RosterRoles.Teachers, RosterClassFilter.All, []);
        Assert.Equal(["org-district", "org-hs-01"], await roster.Orgs(highStudents).OrderBy(o => o.SourcedId).Select(o => o.SourcedId).ToListAsync());
        Assert.Equal(["s-hs-1", "s-hs-2", "s-hs-3", "s-hs-4", "s-hs-5", "t-hs"], await roster.Users(highStudents).OrderBy(u => u.SourcedId).Select(u => u.SourcedId).ToListAsync());
        Assert.Equal(["crs-bio", "crs-pe"], await roster.Courses(highStudents).OrderBy(c => c.SourcedId).Select(c => c.SourcedId).ToListAsync());
        Assert.Empty(await roster.Demographics(highStudents).ToListAsync());

        var science = new RosterScope(null, RosterRoles.Students | RosterRoles.Guardians, RosterClassFilter.Subjects, ["Science"]);
        Assert.Equal(["cls-bio-1"], await roster.Classes(science).Select(c => c.SourcedId).ToListAsync());
        Assert.Equal(["g-2", "s-hs-1", "s-hs-2", "s-hs-3", "s-hs-4", "s-hs-5"], await roster.Users(science).OrderBy(u => u.SourcedId).Select(u => u.SourcedId).ToListAsync());
        Assert.Equal(5, await roster.Enrollments(science).CountAsync());
        var teen1 = await roster.Users(science).SingleAsync(u => u.SourcedId == "s-hs-1");
        var links = await roster.LinksAsync(science, [teen1.Id]);
        Assert.Equal(["org-hs-01"], links[teen1.Id].OrgSourcedIds);
        Assert.Equal(["g-2"], links[teen1.Id].AgentSourcedIds);

        var byCode = new RosterScope(null, RosterRoles.Teachers | RosterRoles.Administrators, RosterClassFilter.CourseCodes, ["SCI-200"]);
        Assert.Equal(["p-es", "t-hs"], await roster.Users(byCode).OrderBy(u => u.SourcedId).Select(u => u.SourcedId).ToListAsync());

        var firstRun = await roster.LastModifiedAsync();
        package.Row(OneRosterSpec.Users, "s-hs-2")["givenName"] = "Tina";
        package.RemoveRows(OneRosterSpec.Users, r => r["sourcedId"] == "s-hs-5");
        package.RemoveRows(OneRosterSpec.Roles, r => r["userSourcedId"] == "s-hs-5");
        package.RemoveRows(OneRosterSpec.Enrollments, r => r["userSourcedId"] == "s-hs-5");
        Assert.Equal(0, (await CliRunner.RunAsync(db, "import", "oneroster", package.WriteTo(Path.Combine(_folder, "2")), "--apply")).Code);
        var secondRun = await roster.LastModifiedAsync();
        Assert.True(secondRun > firstRun);

        var changed = await roster.Users(everything, includeLeft: true).Where(u => u.ModifiedAt > firstRun).OrderBy(u => u.SourcedId).ToListAsync();
        Assert.Equal([("s-hs-2", false), ("s-hs-5", true)], changed.Select(u => (u.SourcedId, u.Left)));
        Assert.DoesNotContain(await roster.Users(everything).Select(u => u.SourcedId).ToListAsync(), id => id == "s-hs-5");
        Assert.Equal(["enr-hs-5"], await roster.Enrollments(everything, includeLeft: true).Where(e => e.ModifiedAt > firstRun).Select(e => e.SourcedId).ToListAsync());
    }
}
