using System.Diagnostics;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Directory;

/// <summary>Packages that broke the import before: each problem said once at its place, with its own exit code.</summary>
public sealed class ImportRobustnessTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-robust-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Theory]
    [Providers]
    public async Task A_bad_users_header_is_reported_once_and_rows_naming_users_are_not_blamed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        package.HeaderOverrides[OneRosterSpec.Users] = string.Join(',', OneRosterSpec.Columns("1.2", OneRosterSpec.Users)!).Replace("givenName", "givenNmae", StringComparison.Ordinal);

        var result = await ImportAsync(db, package, "--plan");

        Assert.Equal(1, result.Code);
        // The misspelt column is ignored with a warning (the tolerant profile); the missing one is the only error.
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("users.csv:1:7 — the header has no 'givenName' column; OneRoster puts it in column 7.", lines[0]);
        Assert.StartsWith("warning: users.csv:1:7 — unknown column 'givenNmae'", lines[1], StringComparison.Ordinal);
        Assert.Equal(["1 warning(s).", "1 error(s). Nothing was applied."], lines[2..]);
    }

    [Theory]
    [Providers]
    public async Task Rows_naming_a_class_marked_tobedeleted_say_so_once(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportAsync(db, RosterPackage.SmallDistrict(), "--apply");
        var delta = RosterPackage.Delta(OneRosterSpec.Classes, OneRosterSpec.Enrollments)
            .Add(OneRosterSpec.Classes, ("sourcedId", "cls-k-1"), ("status", "tobedeleted"));
        foreach (var i in new[] { 1, 2 })
        {
            delta.Add(OneRosterSpec.Enrollments, ("sourcedId", $"enr-es-{i}"), ("classSourcedId", "cls-k-1"), ("schoolSourcedId", "org-es-01"), ("userSourcedId", $"s-es-{i}"), ("role", "student"), ("primary", "false"));
        }

        var result = await ImportAsync(db, delta, "--plan");

        Assert.Equal(1, result.Code);
        Assert.Equal(
            [
                "enrollments.csv:2:4 — class 'cls-k-1' is marked tobedeleted at classes.csv:2, but rows here still name it (this is the first); delete them too, or keep the class.",
                "1 error(s). Nothing was applied.",
            ],
            result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [Providers]
    public async Task An_empty_bulk_file_is_refused_instead_of_removing_everything(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        await ImportAsync(db, package, "--apply");
        package.RemoveRows(OneRosterSpec.Demographics, _ => true);

        var result = await ImportAsync(db, package, "--apply", "--allow-shrink");

        Assert.Equal(1, result.Code);
        Assert.Contains("demographics.csv — the bulk file has a header and no rows, which would remove all 5 demographics; mark it absent in manifest.csv or send its rows.",
            result.Error, StringComparison.Ordinal);
        await using var context = db.OpenContext();
        Assert.Equal(5, await context.Set<Demographics>().CountAsync());
    }

    [Theory]
    [Providers]
    public async Task The_shrink_guard_covers_classes_and_enrollments(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        await ImportAsync(db, package, "--apply");
        package.RemoveRows(OneRosterSpec.Classes, r => r["sourcedId"] == "cls-bio-1");
        package.RemoveRows(OneRosterSpec.Enrollments, r => r["classSourcedId"] == "cls-bio-1");

        var refused = await ImportAsync(db, package, "--apply");
        var allowed = await ImportAsync(db, package, "--apply", "--allow-shrink");

        Assert.Equal(2, refused.Code);
        Assert.Contains("would remove 1 of 2 classes (50%), more than the 10% allowed", refused.Error, StringComparison.Ordinal);
        Assert.Contains("would remove 6 of 12 enrollments (50%), more than the 10% allowed", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("people", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, allowed.Code);
        await using var context = db.OpenContext();
        Assert.NotNull((await context.Set<ClassSection>().SingleAsync(c => c.SourcedId == "cls-bio-1")).LeftAt);
    }

    [Theory]
    [Providers]
    public async Task Lines_are_physical_lines_after_a_quoted_line_break_and_a_rows_errors_come_in_column_order(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        package.Row(OneRosterSpec.Users, "t-es")["middleName"] = "first line\nsecond line";
        package.Row(OneRosterSpec.Users, "p-es")["enabledUser"] = "yes";
        var enrollment = package.Row(OneRosterSpec.Enrollments, "enr-es-1");
        enrollment["classSourcedId"] = "cls-missing";
        enrollment["role"] = "pupil";

        var result = await ImportAsync(db, package, "--plan");

        Assert.Equal(1, result.Code);
        Assert.Contains("users.csv:5:4 — enabledUser 'yes' is not a boolean; expected true or false.", result.Error, StringComparison.Ordinal);
        var classError = result.Error.IndexOf("enrollments.csv:2:4 — classSourcedId 'cls-missing' names no class", StringComparison.Ordinal);
        var roleError = result.Error.IndexOf("enrollments.csv:2:7 — role 'pupil' is not one of", StringComparison.Ordinal);
        Assert.True(classError >= 0 && roleError > classError, result.Error);
    }

    [Theory]
    [Providers]
    public async Task Agents_link_only_a_guardian_and_a_student_and_other_pairs_are_warned_about(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        package.Row(OneRosterSpec.Users, "t-hs")["agentSourcedIds"] = "t-es";
        package.Row(OneRosterSpec.Users, "s-es-1")["agentSourcedIds"] = "g-1,t-es";

        var result = await ImportAsync(db, package, "--apply");

        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("warning: users.csv:3:14 — agentSourcedIds 't-es' names a teacher and this user is a teacher; only a guardian (parent, relative) and a student are linked, so this pair is left out.",
            result.Error, StringComparison.Ordinal);
        Assert.Contains("warning: users.csv:5:14 — agentSourcedIds 't-es' names a teacher and this user is a student;", result.Error, StringComparison.Ordinal);
        Assert.Contains("2 warning(s).", result.Error, StringComparison.Ordinal);
        await using var context = db.OpenContext();
        var people = await context.Set<Person>().ToDictionaryAsync(p => p.Id, p => p.SourcedId);
        var links = (await context.Set<GuardianLink>().ToListAsync()).Select(l => (people[l.GuardianId], people[l.StudentId])).Order().ToList();
        Assert.Equal([("g-1", "s-es-1"), ("g-1", "s-es-2"), ("g-2", "s-hs-1")], links);
    }

    [Theory]
    [Providers]
    public async Task The_tolerant_profile_applies_documented_normalisations_as_grouped_warnings_and_strict_refuses_them(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        package.HeaderOverrides[OneRosterSpec.Orgs] = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId,colour,";
        package.Row(OneRosterSpec.Orgs, "org-es-01")["type"] = "School";
        package.Row(OneRosterSpec.Courses, "crs-bio")["grades"] = "9";
        foreach (var i in new[] { 2, 3, 4, 5 })
        {
            package.Row(OneRosterSpec.Users, $"s-hs-{i}")["grades"] = "9";
        }

        package.Add(OneRosterSpec.Orgs, ("sourcedId", "org-closed"), ("status", "inactive"), ("name", "Closed Elementary"), ("type", "school"));

        var strict = await ImportAsync(db, package, "--plan", "--strict");
        var applied = await ImportAsync(db, package, "--apply");

        Assert.Equal(1, strict.Code);
        Assert.Contains("users.csv:8:15 — grade '9' is read as '09' (OneRoster grades have two digits).", strict.Error, StringComparison.Ordinal);
        Assert.True(applied.Code == 0, applied.Error);
        Assert.Contains("warning: orgs.csv:1:8 — unknown column 'colour' is ignored;", applied.Error, StringComparison.Ordinal);
        Assert.Contains("warning: orgs.csv:1:9 — a column without a name is ignored (trailing commas in the header?).", applied.Error, StringComparison.Ordinal);
        Assert.Contains("warning: orgs.csv:3:5 — type 'School' is read as 'school' (OneRoster enumerations are case-sensitive).", applied.Error, StringComparison.Ordinal);
        Assert.Contains("warning: orgs.csv:5:2 — status 'inactive' is from OneRoster 1.0; the row is left out, as if this bulk file did not list it.", applied.Error, StringComparison.Ordinal);
        Assert.Contains("warning: … 2 more: grade '…' is read as '…' (OneRoster grades have two digits).", applied.Error, StringComparison.Ordinal);
        Assert.Contains("9 warning(s).", applied.Error, StringComparison.Ordinal);
        await using var context = db.OpenContext();
        Assert.Equal("09", (await context.Set<Person>().SingleAsync(p => p.SourcedId == "s-hs-2")).Grades);
        Assert.False(await context.Set<Site>().AnyAsync(s => s.SourcedId == "org-closed"));
    }

    [Theory]
    [Providers]
    public async Task A_date_for_dateLastModified_in_a_delta_is_read_as_midnight_with_a_warning(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportAsync(db, RosterPackage.SmallDistrict(), "--apply");
        var delta = RosterPackage.Delta(OneRosterSpec.Orgs)
            .Add(OneRosterSpec.Orgs, ("sourcedId", "org-es-02"), ("dateLastModified", "2026-11-20"), ("name", "New Elementary"), ("type", "school"), ("parentSourcedId", "org-district"));

        var applied = await ImportAsync(db, delta, "--apply");

        Assert.True(applied.Code == 0, applied.Error);
        Assert.Contains("warning: orgs.csv:2:3 — dateLastModified '2026-11-20' is a date, not a date-time; it is read as midnight UTC.", applied.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oneroster")]
    [InlineData("hr")]
    [InlineData("calendar")]
    public async Task A_path_that_does_not_exist_is_one_line_and_exit_3(string kind)
    {
        var missing = Path.Combine(_folder, "no-such-export");

        var result = await CliRunner.RunAsync((TestDatabase?)null, "import", kind, missing, "--plan");

        Assert.Equal(3, result.Code);
        Assert.Equal($"error: {missing}: no such file or folder.", result.Error.Trim());
    }

    [Fact]
    public async Task A_database_that_is_not_migrated_is_migrated_or_refused_in_one_line()
    {
        var package = RosterPackage.SmallDistrict().WriteTo(Path.Combine(_folder, "package"));
        var file = Path.Combine(_folder, "fresh.db");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:DistrictOps"] = $"Data Source={file};Pooling=False",
            ["Database:MigrateOnStartup"] = "false",
        };

        var refused = await CliRunner.RunAsync(settings, "import", "oneroster", package, "--plan");
        Assert.Equal(3, refused.Code);
        Assert.Equal("error: the database is not migrated and Database:MigrateOnStartup is false; run `districtops db migrate` first.", refused.Error.Trim());
        Assert.False(File.Exists(file));

        settings["Database:MigrateOnStartup"] = "true";
        var planned = await CliRunner.RunAsync(settings, "import", "oneroster", package, "--plan");
        Assert.True(planned.Code == 0, planned.Error);
        Assert.Matches(@"Person\s+users\.csv\s+bulk\s+15", planned.Out);
    }

    [Theory]
    [Providers]
    public async Task Apply_writes_only_its_output_to_stdout_and_logs_to_stderr(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "districtops.dll"), "import", "oneroster", RosterPackage.SmallDistrict().WriteTo(Path.Combine(_folder, "p")), "--apply" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Database__Provider"] = provider.ToString(),
                ["ConnectionStrings__DistrictOps"] = db.ConnectionString,
                ["DOTNET_ENVIRONMENT"] = "Production",
            },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Contains("Applied as import run", await stdout, StringComparison.Ordinal);
        Assert.DoesNotContain((await stdout).Split('\n'), line => line.StartsWith('{'));
        Assert.Contains("Import run", await stderr, StringComparison.Ordinal);
    }

    private async Task<CliResult> ImportAsync(TestDatabase db, RosterPackage package, params string[] options) =>
        await CliRunner.RunAsync(db, ["import", "oneroster", package.WriteTo(Path.Combine(_folder, "package")), .. options]);
}
