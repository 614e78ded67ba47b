using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Directory;

public sealed class ImportOneRosterTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-roster-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Theory]
    [Providers]
    public async Task A_plan_counts_what_would_change_and_writes_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var plan = await ImportAsync(db, RosterPackage.SmallDistrict(), "--plan");

        AssertSucceeded(plan);
        Assert.Matches(@"Person\s+users\.csv\s+bulk\s+15\s+0\s+0\s+0", plan.Out);
        Assert.Matches(@"Enrollment\s+enrollments\.csv\s+bulk\s+12\s+0", plan.Out);
        Assert.Contains("Plan only: nothing was applied.", plan.Out, StringComparison.Ordinal);
        await using var context = db.OpenContext();
        Assert.Equal(0, await context.Set<Person>().CountAsync());
        Assert.Equal(0, await context.Set<ImportRun>().CountAsync());
    }

    [Theory]
    [Providers]
    public async Task Apply_creates_the_district_and_records_who_joined(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var applied = await ImportAsync(db, RosterPackage.SmallDistrict(), "--apply");

        AssertSucceeded(applied);
        await using var context = db.OpenContext();
        var sites = await context.Set<Site>().ToDictionaryAsync(s => s.SourcedId);
        Assert.Equal(SiteType.Elementary, sites["org-es-01"].Type);
        Assert.Equal(SiteType.High, sites["org-hs-01"].Type);
        Assert.Equal(SiteType.District, sites["org-district"].Type);
        Assert.Equal(5, sites["org-es-01"].Enrollment);
        Assert.Equal("KG", sites["org-es-01"].Grades);
        Assert.Equal(sites["org-district"].SourcedId, sites["org-hs-01"].ParentSourcedId);

        var people = await context.Set<Person>().ToDictionaryAsync(p => p.SourcedId);
        Assert.Equal(15, people.Count);
        Assert.Equal(PersonKind.Administrator, people["p-es"].Kind);
        Assert.Equal(PersonKind.Guardian, people["g-2"].Kind);
        Assert.Equal(sites["org-es-01"].Id, people["s-es-3"].PrimarySiteId);
        var links = await context.Set<GuardianLink>().ToListAsync();
        Assert.Equal(3, links.Count);
        Assert.Contains(links, l => l.GuardianId == people["g-1"].Id && l.StudentId == people["s-es-2"].Id);
        Assert.Equal(15, await context.Set<PersonSite>().CountAsync());
        Assert.Equal(5, await context.Set<Demographics>().CountAsync());
        Assert.Equal(new DateOnly(2021, 3, 4), (await context.Set<Demographics>().SingleAsync(d => d.PersonId == people["s-es-4"].Id)).BirthDate);

        var run = await context.Set<ImportRun>().SingleAsync();
        Assert.StartsWith("cli:", run.RunBy, StringComparison.Ordinal);
        var joined = await context.Set<ImportChange>().Where(c => c.RunId == run.Id && c.Kind == ChangeKind.Joined && c.Entity == nameof(Person)).CountAsync();
        Assert.Equal(15, joined);
    }

    [Theory]
    [Providers]
    public async Task Importing_the_same_files_again_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        await ImportAsync(db, package, "--apply");
        long[] Before(AppDbContext c) => [.. c.Set<Person>().OrderBy(p => p.SourcedId).Select(p => p.ContentHash)];
        await using var before = db.OpenContext();
        var hashes = Before(before);

        var plan = await ImportAsync(db, package, "--plan");
        var again = await ImportAsync(db, package, "--apply");

        Assert.Contains("Nothing would change.", plan.Out, StringComparison.Ordinal);
        AssertSucceeded(again);
        Assert.Contains("Nothing would change.", again.Out, StringComparison.Ordinal);
        await using var after = db.OpenContext();
        Assert.Equal(hashes, Before(after));
        Assert.Equal(1, await after.Set<ImportRun>().CountAsync());
        Assert.Equal(3, await after.Set<GuardianLink>().CountAsync());
        Assert.Equal(15, await after.Set<PersonSite>().CountAsync());
    }

    [Theory]
    [Providers]
    public async Task A_bulk_import_records_changed_fields_and_who_left(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        await ImportAsync(db, package, "--apply");
        package.Row(OneRosterSpec.Users, "s-hs-2")["email"] = "t2.tran-le@students.bayview.example";
        package.Row(OneRosterSpec.Users, "s-hs-2")["familyName"] = "Tran-Le";
        package.RemoveRows(OneRosterSpec.Users, r => r["sourcedId"] == "s-hs-5");
        package.RemoveRows(OneRosterSpec.Roles, r => r["userSourcedId"] == "s-hs-5");
        package.RemoveRows(OneRosterSpec.Enrollments, r => r["userSourcedId"] == "s-hs-5");

        var plan = await ImportAsync(db, package, "--plan");
        var applied = await ImportAsync(db, package, "--apply");

        Assert.Contains("update s-hs-2 (line 8): familyName,email", plan.Out, StringComparison.Ordinal);
        AssertSucceeded(applied);
        await using var context = db.OpenContext();
        var run = await context.Set<ImportRun>().OrderByDescending(r => r.Id).FirstAsync();
        var changes = await context.Set<ImportChange>().Where(c => c.RunId == run.Id).ToListAsync();
        var changed = Assert.Single(changes, c => c.Kind == ChangeKind.Changed);
        Assert.Equal("s-hs-2", changed.SourcedId);
        Assert.Equal("familyName,email", changed.Fields);
        Assert.Contains(changes, c => c.Kind == ChangeKind.Left && c.SourcedId == "s-hs-5" && c.Entity == nameof(Person));
        Assert.Contains(changes, c => c.Kind == ChangeKind.Left && c.SourcedId == "enr-hs-5" && c.Entity == nameof(Enrollment));
        var left = await context.Set<Person>().SingleAsync(p => p.SourcedId == "s-hs-5");
        Assert.NotNull(left.LeftAt);
        Assert.Equal(4, (await context.Set<Site>().SingleAsync(s => s.SourcedId == "org-hs-01")).Enrollment);
    }

    [Theory]
    [Providers]
    public async Task A_truncated_export_is_refused_unless_allowed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        await ImportAsync(db, package, "--apply");
        foreach (var id in new[] { "s-hs-3", "s-hs-4", "s-hs-5" })
        {
            package.RemoveRows(OneRosterSpec.Users, r => r["sourcedId"] == id);
            package.RemoveRows(OneRosterSpec.Roles, r => r["userSourcedId"] == id);
            package.RemoveRows(OneRosterSpec.Enrollments, r => r["userSourcedId"] == id);
        }

        var refused = await ImportAsync(db, package, "--apply");

        Assert.Equal(2, refused.Code);
        Assert.Contains("would remove 3 of 15 people (20%), more than the 10% allowed", refused.Error, StringComparison.Ordinal);
        await using (var context = db.OpenContext())
        {
            Assert.Equal(0, await context.Set<Person>().CountAsync(p => p.LeftAt != null));
        }

        var allowed = await ImportAsync(db, package, "--apply", "--allow-shrink");
        AssertSucceeded(allowed);
        await using var after = db.OpenContext();
        Assert.Equal(3, await after.Set<Person>().CountAsync(p => p.LeftAt != null));
    }

    [Theory]
    [Providers]
    public async Task An_import_that_would_empty_a_school_is_refused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        await ImportAsync(db, package, "--apply");
        package.RemoveRows(OneRosterSpec.Users, r => r["sourcedId"].StartsWith("s-es-", StringComparison.Ordinal));
        package.RemoveRows(OneRosterSpec.Roles, r => r["userSourcedId"].StartsWith("s-es-", StringComparison.Ordinal));
        package.RemoveRows(OneRosterSpec.Enrollments, r => r["userSourcedId"].StartsWith("s-es-", StringComparison.Ordinal));
        package.Modes[OneRosterSpec.Demographics] = "absent";
        package.Row(OneRosterSpec.Users, "g-1")["agentSourcedIds"] = "";

        var refused = await ImportAsync(db, package, "--apply", "--max-shrink", "0.9");

        Assert.Equal(2, refused.Code);
        Assert.Contains("would leave Harbor View Elementary (org-es-01) with no students (it has 5)", refused.Error, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task A_delta_changes_only_what_it_names(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportAsync(db, RosterPackage.SmallDistrict(), "--apply");
        var delta = new RosterPackage();
        foreach (var file in delta.Modes.Keys.ToList())
        {
            delta.Modes[file] = "absent";
        }

        delta.Modes[OneRosterSpec.Users] = "delta";
        delta.Modes[OneRosterSpec.Roles] = "delta";
        delta.User("s-hs-6", "student", "org-hs-01", "New", "Student", grades: "10");
        delta.Row(OneRosterSpec.Users, "s-hs-6")["status"] = "active";
        delta.Row(OneRosterSpec.Users, "s-hs-6")["dateLastModified"] = "2026-11-20T08:00:00.000Z";
        delta.Rows(OneRosterSpec.Roles)[0]["status"] = "active";
        delta.Rows(OneRosterSpec.Roles)[0]["dateLastModified"] = "2026-11-20T08:00:00.000Z";
        delta.Add(OneRosterSpec.Users, ("sourcedId", "s-es-5"), ("status", "tobedeleted"), ("dateLastModified", "2026-11-20T08:00:00.000Z"));

        var applied = await ImportAsync(db, delta, "--apply");

        AssertSucceeded(applied);
        Assert.Matches(@"Person\s+users\.csv\s+delta\s+1\s+0\s+0\s+1", applied.Out);
        await using var context = db.OpenContext();
        Assert.Equal(16, await context.Set<Person>().CountAsync());
        Assert.NotNull((await context.Set<Person>().SingleAsync(p => p.SourcedId == "s-es-5")).LeftAt);
        Assert.Null((await context.Set<Person>().SingleAsync(p => p.SourcedId == "s-es-4")).LeftAt);
        Assert.Equal(3, await context.Set<GuardianLink>().CountAsync());
    }

    [Theory]
    [Providers]
    public async Task A_one_point_one_package_imports_users_with_their_orgs_and_role(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var applied = await ImportAsync(db, RosterPackage.SmallDistrict("1.1"), "--apply");

        AssertSucceeded(applied);
        await using var context = db.OpenContext();
        var principal = await context.Set<Person>().SingleAsync(p => p.SourcedId == "p-es");
        Assert.Equal("administrator", principal.SourceRole);
        Assert.Equal(15, await context.Set<PersonSite>().CountAsync());
    }

    [Theory]
    [Providers]
    public async Task Windows_line_endings_a_byte_order_mark_and_upper_case_booleans_are_accepted(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        package.WithBomAndCrLf = true;
        package.Row(OneRosterSpec.Users, "t-es")["enabledUser"] = "TRUE";
        package.Row(OneRosterSpec.Orgs, "org-es-01")["type"] = "School";

        var applied = await ImportAsync(db, package, "--apply");

        AssertSucceeded(applied);
        await using var context = db.OpenContext();
        Assert.Equal(15, await context.Set<Person>().CountAsync());
    }

    [Theory]
    [Providers]
    public async Task An_apply_of_many_rows_refreshes_the_planner_statistics_on_PostgreSQL_at_once(DatabaseProvider provider)
    {
        // The small district writes a few dozen rows: under the threshold of the first database, over that of the second.
        await using var under = await TestDatabase.CreateAsync(provider);
        await using var over = await TestDatabase.CreateAsync(provider);
        var files = RosterPackage.SmallDistrict().WriteTo(_folder);

        AssertSucceeded(await CliRunner.RunAsync(With(under, "1000"), "import", "oneroster", files, "--apply"));
        AssertSucceeded(await CliRunner.RunAsync(With(over, "1"), "import", "oneroster", files, "--apply"));

        if (provider == DatabaseProvider.Sqlite)
        {
            // SQLite plans without statistics: nothing is analyzed, whatever the size.
            Assert.Equal(0, await StatisticsAsync(over, "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'"));
            return;
        }

        const string analyzed = "SELECT COUNT(*) AS \"Value\" FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL AND relname IN ('directory_people', 'directory_guardian_links', 'directory_enrollments')";
        Assert.Equal(0, await StatisticsAsync(under, analyzed));
        Assert.Equal(3, await StatisticsAsync(over, analyzed));

        static Dictionary<string, string?> With(TestDatabase db, string rows)
        {
            var settings = db.Settings();
            settings["Directory:Import:AnalyzeFromRows"] = rows;
            return settings;
        }

        static async Task<long> StatisticsAsync(TestDatabase db, string sql)
        {
            await using var context = db.OpenContext();
            return await context.Database.SqlQueryRaw<long>(sql).SingleAsync();
        }
    }

    private async Task<CliResult> ImportAsync(TestDatabase db, RosterPackage package, params string[] options) =>
        await CliRunner.RunAsync(db, ["import", "oneroster", package.WriteTo(_folder), .. options]);

    private static void AssertSucceeded(CliResult result) => Assert.True(result.Code == 0, $"exit {result.Code}: {result.Error}");
}
