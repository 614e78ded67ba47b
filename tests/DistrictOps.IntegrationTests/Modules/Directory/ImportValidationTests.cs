using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Directory;

/// <summary>Each rule with a bad file: the exact file:line:column message, a non-zero exit, and nothing applied.</summary>
public sealed class ImportValidationTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-bad-roster-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, DatabaseProvider> Cases() => ProviderCases.Each(BadFiles.Keys);

    private static readonly Dictionary<string, (Action<RosterPackage> Break, string Expected)> BadFiles = new()
    {
        ["enumeration"] = (p => p.Row(OneRosterSpec.Orgs, "org-es-01")["type"] = "campus",
            "orgs.csv:3:5 — type 'campus' is not one of department, school, district, local, state, national."),
        ["date"] = (p => p.Row(OneRosterSpec.AcademicSessions, "s1-2027")["startDate"] = "2026-13-01",
            "academicSessions.csv:3:6 — startDate '2026-13-01' is not a date; expected YYYY-MM-DD."),
        ["date order"] = (p => p.Row(OneRosterSpec.AcademicSessions, "s1-2027")["endDate"] = "2026-08-01",
            "academicSessions.csv:3:7 — endDate 2026-08-01 is before startDate 2026-08-12."),
        ["boolean"] = (p => p.Row(OneRosterSpec.Users, "t-es")["enabledUser"] = "yes",
            "users.csv:2:4 — enabledUser 'yes' is not a boolean; expected true or false."),
        ["school year"] = (p => p.Row(OneRosterSpec.AcademicSessions, "sy-2027")["schoolYear"] = "2026-27",
            "academicSessions.csv:2:9 — schoolYear '2026-27' is not a year; expected YYYY (the year the school year ends)."),
        ["grade"] = (p => p.Row(OneRosterSpec.Courses, "crs-bio")["grades"] = "10,Grade 11",
            "courses.csv:3:7 — grade 'Grade 11' is not one of IT, PR, PK, TK, KG, 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11, 12, 13, PS, UG, Other."),
        ["missing column"] = (p => p.HeaderOverrides[OneRosterSpec.Courses] = "sourcedId,status,dateLastModified,schoolYearSourcedId,courseCode,grades,orgSourcedId,subjects,subjectCodes",
            "courses.csv:1:5 — the header has no 'title' column; OneRoster puts it in column 5."),
        ["duplicate id"] = (p => p.Add(OneRosterSpec.Orgs, ("sourcedId", "org-es-01"), ("name", "Copy"), ("type", "school")),
            "orgs.csv:5:1 — sourcedId 'org-es-01' appears twice (first on line 3)."),
        ["dangling references beyond the quarantine share"] = (p => p.Row(OneRosterSpec.Enrollments, "enr-es-1")["classSourcedId"] = "cls-missing",
            "enrollments.csv — 1 of 12 rows (8.33%) name something that does not exist and would be left out, more than the 1% allowed (Directory:Import:MaxQuarantineShare)."),
        ["dangling guardian beyond the quarantine share"] = (p => p.Row(OneRosterSpec.Users, "s-es-1")["agentSourcedIds"] = "g-1,g-404",
            "users.csv — 1 of 15 rows (6.67%) name something that does not exist and would be left out, more than the 1% allowed"),
        ["value quoted as written"] = (p => p.Row(OneRosterSpec.Orgs, "org-es-01")["type"] = " campus",
            "orgs.csv:3:5 — type ' campus' is not one of department, school, district, local, state, national."),
        ["tobedeleted in bulk"] = (p => p.Row(OneRosterSpec.Orgs, "org-hs-01")["status"] = "tobedeleted",
            "orgs.csv:4:2 — status 'tobedeleted' belongs in a delta file; a bulk file lists only what exists (leave status empty)."),
        ["delta without date"] = (p =>
        {
            p.Modes[OneRosterSpec.Orgs] = "delta";
            p.Rows(OneRosterSpec.Orgs).ForEach(r => r["status"] = "active");
        }, "orgs.csv:2:3 — dateLastModified is required in a delta file; expected YYYY-MM-DDTHH:MM:SS.sssZ."),
        ["user without role"] = (p => p.RemoveRows(OneRosterSpec.Roles, r => r["userSourcedId"] == "t-es"),
            "users.csv:2:1 — user 't-es' has no row in roles.csv; every 1.2 user needs at least one role."),
        ["manifest version"] = (p => p.ManifestVersion = "1.3",
            "manifest.csv:3:2 — oneroster.version must be 1.1 or 1.2; found '1.3'."),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_file_is_reported_exactly_and_nothing_is_applied(string rule, DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        var (breakIt, expected) = BadFiles[rule];
        breakIt(package);

        var result = await CliRunner.RunAsync(db, "import", "oneroster", package.WriteTo(_folder), "--apply");

        Assert.Equal(1, result.Code);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was applied.", result.Error, StringComparison.Ordinal);
        await using var context = db.OpenContext();
        Assert.Equal(0, await context.Set<Person>().CountAsync());
        Assert.Equal(0, await context.Set<Site>().CountAsync());
        Assert.Equal(0, await context.Set<ImportRun>().CountAsync());
    }

    [Theory]
    [Providers]
    public async Task Errors_are_capped_with_the_total_count(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        for (var i = 0; i < 250; i++)
        {
            package.Add(OneRosterSpec.Enrollments, ("sourcedId", $"bad-{i}"), ("classSourcedId", "cls-k-1"), ("schoolSourcedId", "org-es-01"), ("userSourcedId", "s-es-1"), ("role", "pupil"));
        }

        var result = await CliRunner.RunAsync(db, "import", "oneroster", package.WriteTo(_folder), "--plan");

        Assert.Equal(1, result.Code);
        Assert.Contains("250 error(s) (the first 200 shown). Nothing was applied.", result.Error, StringComparison.Ordinal);
        Assert.Equal(200, result.Error.Split('\n').Count(l => l.StartsWith("enrollments.csv:", StringComparison.Ordinal)));
    }
}
