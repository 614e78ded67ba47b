using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Directory;

/// <summary>
/// Rows naming something that exists nowhere are left out with a warning (quarantined) while no file loses more than
/// Directory:Import:MaxQuarantineShare of its rows; they change nothing, and importing the same package again changes nothing.
/// </summary>
public sealed class ImportQuarantineTests : IDisposable
{
    private const string ShareKey = "Directory:Import:MaxQuarantineShare";

    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-quarantine-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, DatabaseProvider> Cases() => ProviderCases.Each(Dangling.Keys);

    /// <summary>Each reference the import checks, broken in the small district: the warning, and a query that is true while the row is absent.</summary>
    private static readonly Dictionary<string, (Action<RosterPackage> Break, string Warning, Func<AppDbContext, Task<bool>> Absent)> Dangling = new()
    {
        ["enrollment to an unknown class"] = (p => p.Row(OneRosterSpec.Enrollments, "enr-es-1")["classSourcedId"] = "cls-missing",
            "enrollments.csv:2:4 — classSourcedId 'cls-missing' names no class in classes.csv or already in DistrictOps; the row is left out.",
            db => NoneAsync<Enrollment>(db, "enr-es-1")),
        ["enrollment to an unknown user"] = (p => p.Row(OneRosterSpec.Enrollments, "enr-hs-2")["userSourcedId"] = "s-404",
            "enrollments.csv:5:6 — userSourcedId 's-404' names no user in users.csv or already in DistrictOps; the row is left out.",
            db => NoneAsync<Enrollment>(db, "enr-hs-2")),
        ["enrollment to an unknown school"] = (p => p.Row(OneRosterSpec.Enrollments, "enr-es-3")["schoolSourcedId"] = "org-404",
            "enrollments.csv:6:5 — schoolSourcedId 'org-404' names no org in orgs.csv or already in DistrictOps; the row is left out.",
            db => NoneAsync<Enrollment>(db, "enr-es-3")),
        ["class to an unknown course"] = (p => p.Row(OneRosterSpec.Classes, "cls-bio-1")["courseSourcedId"] = "crs-404",
            "classes.csv:3:6 — courseSourcedId 'crs-404' names no course in courses.csv or already in DistrictOps; the row is left out.",
            db => NoneAsync<ClassSection>(db, "cls-bio-1")),
        ["class to an unknown school"] = (p => p.Row(OneRosterSpec.Classes, "cls-k-1")["schoolSourcedId"] = "org-404",
            "classes.csv:2:10 — schoolSourcedId 'org-404' names no org in orgs.csv or already in DistrictOps; the row is left out.",
            db => NoneAsync<ClassSection>(db, "cls-k-1")),
        ["class to an unknown term"] = (p => p.Row(OneRosterSpec.Classes, "cls-bio-1")["termSourcedIds"] = "s1-2027,s2-2027",
            "classes.csv:3:11 — termSourcedIds 's2-2027' names no academic session in academicSessions.csv or already in DistrictOps; the row is left out.",
            db => NoneAsync<ClassSection>(db, "cls-bio-1")),
        ["course to an unknown org"] = (p => p.Row(OneRosterSpec.Courses, "crs-k")["orgSourcedId"] = "org-404",
            "courses.csv:2:8 — orgSourcedId 'org-404' names no org in orgs.csv or already in DistrictOps; the row is left out.",
            db => NoneAsync<Course>(db, "crs-k")),
        ["course to an unknown school year"] = (p => p.Row(OneRosterSpec.Courses, "crs-bio")["schoolYearSourcedId"] = "sy-2099",
            "courses.csv:3:4 — schoolYearSourcedId 'sy-2099' names no academic session in academicSessions.csv or already in DistrictOps; the row is left out.",
            db => NoneAsync<Course>(db, "crs-bio")),
        ["org to an unknown parent"] = (p => p.Row(OneRosterSpec.Orgs, "org-hs-01")["parentSourcedId"] = "org-404",
            "orgs.csv:4:7 — parentSourcedId 'org-404' names no org in orgs.csv or already in DistrictOps; the row is left out.",
            db => NoneAsync<Site>(db, "org-hs-01")),
        ["session to an unknown parent"] = (p => p.Row(OneRosterSpec.AcademicSessions, "s1-2027")["parentSourcedId"] = "sy-2099",
            "academicSessions.csv:3:8 — parentSourcedId 'sy-2099' names no academic session in academicSessions.csv or already in DistrictOps; the row is left out.",
            db => NoneAsync<AcademicSession>(db, "s1-2027")),
        ["user to an unknown primary org"] = (p => p.Row(OneRosterSpec.Users, "t-hs")["primaryOrgSourcedId"] = "org-404",
            "users.csv:3:22 — primaryOrgSourcedId 'org-404' names no org in orgs.csv or already in DistrictOps; the row is left out.",
            db => NoneAsync<Person>(db, "t-hs")),
        ["user to an unknown agent, quoted as written"] = (p => p.Row(OneRosterSpec.Users, "s-es-1")["agentSourcedIds"] = "g-1, g-404",
            "users.csv:5:14 — agentSourcedIds ' g-404' names no user in users.csv or already in DistrictOps; the row is left out.",
            db => NoneAsync<Person>(db, "s-es-1")),
        ["role to an unknown org"] = (p => p.Rows(OneRosterSpec.Roles).Single(r => r["userSourcedId"] == "p-es")["orgSourcedId"] = "org-404",
            "roles.csv:4:7 — orgSourcedId 'org-404' names no org in orgs.csv or already in DistrictOps; the row is left out.",
            db => NoneAsync<Person>(db, "p-es")),
        ["role to an unknown user"] = (p => p.Add(OneRosterSpec.Roles, ("sourcedId", "role-x"), ("userSourcedId", "t-404"), ("roleType", "primary"), ("role", "teacher"), ("orgSourcedId", "org-es-01")),
            "roles.csv:17:4 — userSourcedId 't-404' names no user in users.csv or already in DistrictOps; the row is left out.",
            async db => await db.Set<Person>().CountAsync() == 15),
        ["demographics of an unknown user"] = (p => p.Row(OneRosterSpec.Demographics, "s-es-4")["sourcedId"] = "s-404",
            "demographics.csv:5:1 — sourcedId 's-404' names no user in users.csv or already in DistrictOps; the row is left out.",
            async db => await db.Set<Demographics>().CountAsync() == 4),
        ["enrollment of a class that is left out itself"] = (p => p.Row(OneRosterSpec.Classes, "cls-k-1")["courseSourcedId"] = "crs-404",
            "enrollments.csv:2:4 — classSourcedId 'cls-k-1' names a class that is left out of classes.csv itself; the row is left out.",
            async db => !await db.Set<Enrollment>().AnyAsync(e => e.SourcedId.StartsWith("enr-es-") || e.SourcedId == "enr-t-es")),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_row_with_a_dangling_reference_is_left_out_with_a_warning_and_a_second_import_changes_nothing(string rule, DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        var (breakIt, warning, absent) = Dangling[rule];
        breakIt(package);
        var folder = package.WriteTo(Path.Combine(_folder, "package"));

        var applied = await ImportAsync(db, folder, share: "0.5", "--apply");
        var again = await ImportAsync(db, folder, share: "0.5", "--apply");

        Assert.True(applied.Code == 0, applied.Error);
        Assert.Contains("warning: " + warning, applied.Error, StringComparison.Ordinal);
        Assert.True(again.Code == 0, again.Error);
        Assert.Contains("Nothing would change.", again.Out, StringComparison.Ordinal);
        Assert.Contains("warning: " + warning, again.Error, StringComparison.Ordinal);
        await using var context = db.OpenContext();
        Assert.True(await absent(context), rule);
        Assert.Equal(1, await context.Set<ImportRun>().CountAsync());
        Assert.True(await context.Set<Person>().AnyAsync(p => p.SourcedId == "t-es"), "the rows without a dangling reference are applied");
    }

    [Theory]
    [Providers]
    public async Task A_one_point_one_user_in_an_unknown_org_is_left_out(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict("1.1");
        package.Row(OneRosterSpec.Users, "t-hs")["orgSourcedIds"] = "org-hs-01,org-404";

        var result = await ImportAsync(db, package.WriteTo(Path.Combine(_folder, "package")), share: "0.5", "--apply");

        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("warning: users.csv:3:5 — orgSourcedIds 'org-404' names no org in orgs.csv or already in DistrictOps; the row is left out.", result.Error, StringComparison.Ordinal);
        Assert.Contains("warning: enrollments.csv:13:6 — userSourcedId 't-hs' names a user that is left out of users.csv itself; the row is left out.", result.Error, StringComparison.Ordinal);
        await using var context = db.OpenContext();
        Assert.Equal(14, await context.Set<Person>().CountAsync());
        Assert.False(await context.Set<Enrollment>().AnyAsync(e => e.SourcedId == "enr-t-hs"));
    }

    [Theory]
    [Providers]
    public async Task A_delta_role_at_an_org_left_out_is_left_out_too(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await ImportAsync(db, RosterPackage.SmallDistrict().WriteTo(Path.Combine(_folder, "bulk")), share: null, "--apply")).Code);
        var delta = RosterPackage.Delta(OneRosterSpec.Orgs, OneRosterSpec.Roles)
            .Add(OneRosterSpec.Orgs, ("sourcedId", "org-ms-01"), ("name", "Bayview Middle"), ("type", "school"), ("parentSourcedId", "org-404"))
            .Add(OneRosterSpec.Roles, ("sourcedId", "role-t-es-ms"), ("userSourcedId", "t-es"), ("roleType", "secondary"), ("role", "teacher"), ("orgSourcedId", "org-ms-01"));

        var result = await ImportAsync(db, delta.WriteTo(Path.Combine(_folder, "delta")), share: "1", "--apply");

        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("Nothing would change.", result.Out, StringComparison.Ordinal);
        Assert.Contains("warning: orgs.csv:2:7 — parentSourcedId 'org-404' names no org", result.Error, StringComparison.Ordinal);
        Assert.Contains("warning: roles.csv:2:4 — user 't-es' would hold a role at org 'org-ms-01', which is left out of orgs.csv itself; the change of their roles is left out.",
            result.Error, StringComparison.Ordinal);
        await using var context = db.OpenContext();
        var teacher = await context.Set<Person>().SingleAsync(p => p.SourcedId == "t-es");
        Assert.Equal(1, await context.Set<PersonSite>().CountAsync(s => s.PersonId == teacher.Id));
    }

    [Theory]
    [Providers]
    public async Task A_stored_row_left_out_stays_as_it_was_and_a_bulk_file_does_not_remove_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        var folder = Path.Combine(_folder, "package");
        Assert.Equal(0, (await ImportAsync(db, package.WriteTo(folder), share: null, "--apply")).Code);
        package.Row(OneRosterSpec.Classes, "cls-bio-1")["title"] = "Biology P1 (renamed)";
        package.Row(OneRosterSpec.Classes, "cls-bio-1")["courseSourcedId"] = "crs-404";

        var result = await ImportAsync(db, package.WriteTo(folder), share: "0.5", "--apply");

        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("Nothing would change.", result.Out, StringComparison.Ordinal);
        Assert.Contains("warning: classes.csv:3:6 — courseSourcedId 'crs-404' names no course", result.Error, StringComparison.Ordinal);
        await using var context = db.OpenContext();
        var biology = await context.Set<ClassSection>().SingleAsync(c => c.SourcedId == "cls-bio-1");
        Assert.Equal(("Biology P1", null), (biology.Title, biology.LeftAt));
        Assert.Equal(6, await context.Set<Enrollment>().CountAsync(e => e.ClassId == biology.Id && e.LeftAt == null));
    }

    public static TheoryData<string, DatabaseProvider> Threshold() => ProviderCases.Each(["1", "2"]);

    [Theory]
    [MemberData(nameof(Threshold))]
    public async Task The_default_share_allows_one_dangling_row_in_101_and_refuses_two(string count, DatabaseProvider provider)
    {
        var dangling = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        for (var i = package.Rows(OneRosterSpec.Enrollments).Count; i < 101; i++)
        {
            package.Add(OneRosterSpec.Enrollments, ("sourcedId", $"enr-extra-{i}"), ("classSourcedId", "cls-bio-1"), ("schoolSourcedId", "org-hs-01"),
                ("userSourcedId", "s-hs-1"), ("role", "student"), ("primary", "false"));
        }

        foreach (var row in package.Rows(OneRosterSpec.Enrollments).Take(dangling))
        {
            row["userSourcedId"] = "s-404";
        }

        var result = await ImportAsync(db, package.WriteTo(Path.Combine(_folder, "package")), share: null, "--apply");

        await using var context = db.OpenContext();
        if (dangling == 1)
        {
            Assert.True(result.Code == 0, result.Error);
            Assert.Contains("1 warning(s).", result.Error, StringComparison.Ordinal);
            Assert.Equal(100, await context.Set<Enrollment>().CountAsync());
        }
        else
        {
            Assert.Equal(1, result.Code);
            Assert.Contains("enrollments.csv — 2 of 101 rows (1.98%) name something that does not exist and would be left out, more than the 1% allowed (Directory:Import:MaxQuarantineShare).",
                result.Error, StringComparison.Ordinal);
            Assert.Contains("1 error(s). Nothing was applied.", result.Error, StringComparison.Ordinal);
            Assert.Equal(0, await context.Set<Enrollment>().CountAsync());
        }
    }

    [Theory]
    [Providers]
    public async Task Strict_makes_a_dangling_reference_an_error(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        package.Row(OneRosterSpec.Enrollments, "enr-es-1")["classSourcedId"] = " cls-missing ";

        var result = await ImportAsync(db, package.WriteTo(Path.Combine(_folder, "package")), share: "0.5", "--apply", "--strict");

        Assert.Equal(1, result.Code);
        Assert.Equal(
            [
                "enrollments.csv:2:4 — classSourcedId ' cls-missing ' names no class in classes.csv or already in DistrictOps; the row is left out.",
                "1 error(s). Nothing was applied.",
            ],
            result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await using var context = db.OpenContext();
        Assert.Equal(0, await context.Set<ImportRun>().CountAsync());
    }

    private static async Task<bool> NoneAsync<T>(AppDbContext db, string sourcedId) where T : class, IImported =>
        !await db.Set<T>().AnyAsync(e => e.SourcedId == sourcedId);

    private static Task<CliResult> ImportAsync(TestDatabase db, string folder, string? share, params string[] options)
    {
        var settings = db.Settings();
        if (share is not null)
        {
            settings[ShareKey] = share;
        }

        return CliRunner.RunAsync(settings, ["import", "oneroster", folder, .. options]);
    }
}
