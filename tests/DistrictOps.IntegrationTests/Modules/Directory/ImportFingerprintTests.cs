using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Directory;

/// <summary>ADR 0025: the same files against unchanged tables are recalled, not compared row by row again.</summary>
public sealed class ImportFingerprintTests : IDisposable
{
    private const string Recalled = "These files are the same as on ";

    private const string SameRows = "These files hold the same rows as on ";

    private static readonly string[] FilesWithRows =
        [OneRosterSpec.Orgs, OneRosterSpec.AcademicSessions, OneRosterSpec.Courses, OneRosterSpec.Classes, OneRosterSpec.Users, OneRosterSpec.Roles, OneRosterSpec.Demographics, OneRosterSpec.Enrollments];

    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-fingerprint-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Theory]
    [Providers]
    public async Task The_same_files_are_recalled_with_their_warnings_until_a_directory_table_is_written(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        foreach (var i in new[] { 2, 3, 4, 5 })
        {
            package.Row(OneRosterSpec.Users, $"s-hs-{i}")["grades"] = "9";
        }

        var applied = await ImportAsync(db, package, "--apply");
        var compared = await ImportAsync(db, package, "--plan");
        var recalledPlan = await ImportAsync(db, package, "--plan");
        var recalledApply = await ImportAsync(db, package, "--apply");

        Assert.DoesNotContain(Recalled, applied.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Recalled, compared.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing would change.", compared.Out, StringComparison.Ordinal);
        Assert.Contains("warning: … 1 more: grade '…' is read as '…' (OneRoster grades have two digits).", compared.Error, StringComparison.Ordinal);
        foreach (var recalled in new[] { recalledPlan, recalledApply })
        {
            Assert.Equal(0, recalled.Code);
            Assert.Contains(Recalled, recalled.Out, StringComparison.Ordinal);
            Assert.Equal(compared.Out, WithoutRecalledLine(recalled.Out));
            Assert.Equal(compared.Error, recalled.Error);
        }

        await using (var context = db.OpenContext())
        {
            Assert.Equal(1, await context.Set<ImportRun>().CountAsync());
            Assert.Equal(1, await context.Set<Enrollment>().Where(e => e.SourcedId == "enr-hs-5").ExecuteDeleteAsync());
        }

        var afterWrite = await ImportAsync(db, package, "--plan");

        Assert.DoesNotContain(Recalled, afterWrite.Out, StringComparison.Ordinal);
        Assert.Matches(@"Enrollment\s+enrollments\.csv\s+bulk\s+1\s+0\s+11\s+0", afterWrite.Out);
    }

    [Theory]
    [Providers]
    public async Task Another_byte_strict_or_recheck_compares_every_row(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (package, _) = await AppliedAndComparedAsync(db);

        var recheck = await ImportAsync(db, package, "--plan", "--recheck");
        var recalled = await ImportAsync(db, package, "--plan");
        var strict = await ImportAsync(db, package, "--plan", "--strict");
        package.Row(OneRosterSpec.Users, "s-hs-2")["familyName"] = "Tran-Le";
        var changed = await ImportAsync(db, package, "--plan");

        Assert.DoesNotContain(Recalled, recheck.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing would change.", recheck.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Recalled, strict.Out, StringComparison.Ordinal);
        Assert.Contains(Recalled, recalled.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Recalled, changed.Out, StringComparison.Ordinal);
        Assert.Contains("update s-hs-2 (line 8): familyName", changed.Out, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task The_same_rows_in_another_order_and_newly_stamped_are_recalled_until_a_value_changes(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (package, compared) = await AppliedAndComparedAsync(db);
        Restamp(package, "2026-12-07T02:15:00.000Z");
        foreach (var file in FilesWithRows)
        {
            package.Rows(file).Reverse();
        }

        var reordered = await ImportAsync(db, package, "--plan");
        var reorderedApply = await ImportAsync(db, package, "--apply");
        Restamp(package, "2026-12-08T02:15:00Z");
        var restamped = await ImportAsync(db, package, "--plan");
        package.Row(OneRosterSpec.Users, "s-hs-2")["familyName"] = "Tran-Le";
        var changed = await ImportAsync(db, package, "--plan");

        Assert.DoesNotContain(SameRows, compared.Out, StringComparison.Ordinal);
        foreach (var recalled in new[] { reordered, reorderedApply, restamped })
        {
            Assert.Equal(0, recalled.Code);
            Assert.Contains(SameRows, recalled.Out, StringComparison.Ordinal);
            Assert.Equal(compared.Out, WithoutRecalledLine(recalled.Out));
        }

        await using (var context = db.OpenContext())
        {
            Assert.Equal(1, await context.Set<ImportRun>().CountAsync());
        }

        Assert.DoesNotContain(SameRows, changed.Out, StringComparison.Ordinal);
        Assert.Matches(@"update s-hs-2 \(line \d+\): familyName", changed.Out);
    }

    [Theory]
    [Providers]
    public async Task A_dateLastModified_the_import_would_question_and_a_plan_with_warnings_are_compared_row_by_row(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (package, _) = await AppliedAndComparedAsync(db);

        Restamp(package, "2026-12-07T02:15:00.000Z");
        package.Row(OneRosterSpec.Enrollments, "enr-hs-3")["dateLastModified"] = "2026-12-07";
        var dateOnly = await ImportAsync(db, package, "--plan");
        package.Row(OneRosterSpec.Enrollments, "enr-hs-3")["dateLastModified"] = "2026-02-30T02:15:00Z";
        var noSuchDay = await ImportAsync(db, package, "--plan");

        var warned = RosterPackage.SmallDistrict();
        warned.Row(OneRosterSpec.Users, "s-hs-4")["grades"] = "9";
        await ImportAsync(db, warned, "--apply");
        await ImportAsync(db, warned, "--plan");
        warned.Rows(OneRosterSpec.Users).Reverse();
        var warnedReordered = await ImportAsync(db, warned, "--plan");

        Assert.DoesNotContain(SameRows, dateOnly.Out, StringComparison.Ordinal);
        Assert.Contains("dateLastModified '2026-12-07' is a date, not a date-time", dateOnly.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(SameRows, noSuchDay.Out, StringComparison.Ordinal);
        Assert.Contains("dateLastModified '2026-02-30T02:15:00Z' is not a date-time", noSuchDay.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, noSuchDay.Code);
        Assert.DoesNotContain(SameRows, warnedReordered.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Recalled, warnedReordered.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing would change.", warnedReordered.Out, StringComparison.Ordinal);
        Assert.Contains("grade '9' is read as '09'", warnedReordered.Error, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task A_delta_files_rows_count_in_their_order(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportAsync(db, RosterPackage.SmallDistrict(), "--apply");
        var delta = RosterPackage.Delta(OneRosterSpec.Enrollments);
        delta.Add(OneRosterSpec.Enrollments, ("sourcedId", "enr-hs-1"), ("classSourcedId", "cls-bio-1"), ("schoolSourcedId", "org-hs-01"), ("userSourcedId", "s-hs-1"), ("role", "student"), ("primary", "false"));
        delta.Add(OneRosterSpec.Enrollments, ("sourcedId", "enr-hs-2"), ("classSourcedId", "cls-bio-1"), ("schoolSourcedId", "org-hs-01"), ("userSourcedId", "s-hs-2"), ("role", "student"), ("primary", "false"));
        var compared = await ImportAsync(db, delta, "--plan");
        var again = await ImportAsync(db, delta, "--plan");
        delta.Rows(OneRosterSpec.Enrollments).Reverse();
        var reordered = await ImportAsync(db, delta, "--plan");

        Assert.Contains("Nothing would change.", compared.Out, StringComparison.Ordinal);
        Assert.Contains(Recalled, again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(SameRows, reordered.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Recalled, reordered.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing would change.", reordered.Out, StringComparison.Ordinal);
    }

    /// <summary>The small district applied, then compared once with nothing changed, which records its fingerprints.</summary>
    private async Task<(RosterPackage Package, CliResult Compared)> AppliedAndComparedAsync(TestDatabase db)
    {
        var package = RosterPackage.SmallDistrict();
        await ImportAsync(db, package, "--apply");
        return (package, await ImportAsync(db, package, "--plan"));
    }

    private static void Restamp(RosterPackage package, string instant)
    {
        foreach (var row in FilesWithRows.SelectMany(package.Rows))
        {
            row["dateLastModified"] = instant;
        }
    }

    [Theory]
    [Providers]
    public async Task A_write_to_any_table_the_import_compares_with_moves_the_data_version(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, await VersionAsync(db));
        await ImportAsync(db, RosterPackage.SmallDistrict(), "--apply");
        Assert.NotEqual(0, await VersionAsync(db));
        string[] watched = ["directory_academic_sessions", "directory_classes", "directory_courses", "directory_demographics", "directory_enrollments",
            "directory_guardian_links", "directory_people", "directory_person_sites", "directory_sites"];

        await using var context = db.OpenContext();
        var tables = context.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is { } table && watched.Contains(table))
            .Select(e => (Table: e.GetTableName()!, Column: e.FindPrimaryKey()!.Properties[0].GetColumnName()))
            .OrderBy(t => t.Table, StringComparer.Ordinal).ToList();
        Assert.Equal(watched, tables.Select(t => t.Table));
        foreach (var (table, column) in tables)
        {
            var before = await VersionAsync(db);
#pragma warning disable EF1002 // table and column names come from the model, not from input
            await context.Database.ExecuteSqlRawAsync($"UPDATE \"{table}\" SET \"{column}\" = \"{column}\"");
#pragma warning restore EF1002
            Assert.True(await VersionAsync(db) > before, $"an update of {table} did not move directory_data_version");
        }

        var beforeDelete = await VersionAsync(db);
        await context.Set<GuardianLink>().ExecuteDeleteAsync();
        Assert.True(await VersionAsync(db) > beforeDelete, "a delete did not move directory_data_version");
    }

    private static async Task<long> VersionAsync(TestDatabase db)
    {
        await using var context = db.OpenContext();
        return await context.Set<DirectoryDataVersion>().Select(v => v.Value).SingleAsync();
    }

    private static string WithoutRecalledLine(string output) =>
        string.Join('\n', output.Split('\n').Where(line => !line.StartsWith(Recalled, StringComparison.Ordinal) && !line.StartsWith(SameRows, StringComparison.Ordinal)));

    private async Task<CliResult> ImportAsync(TestDatabase db, RosterPackage package, params string[] options) =>
        await CliRunner.RunAsync(db, ["import", "oneroster", package.WriteTo(_folder), .. options]);
}
