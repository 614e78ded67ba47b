using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Directory;

/// <summary>1.2 deltas that send roles.csv or users.csv alone: stored roles stand unless the package changes them.</summary>
public sealed class ImportDeltaTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-delta-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Theory]
    [Providers]
    public async Task A_delta_of_roles_alone_changes_the_persons_role_kind_and_memberships(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportAsync(db, RosterPackage.SmallDistrict(), "--apply");
        var delta = RosterPackage.Delta(OneRosterSpec.Roles)
            .Add(OneRosterSpec.Roles, ("sourcedId", "role-s-hs-5"), ("userSourcedId", "s-hs-5"), ("roleType", "primary"), ("role", "teacher"), ("orgSourcedId", "org-hs-01"));

        var plan = await ImportAsync(db, delta, "--plan");
        var applied = await ImportAsync(db, delta, "--apply");
        var again = await ImportAsync(db, delta, "--plan");

        AssertSucceeded(plan);
        Assert.Matches(@"Role\s+roles\.csv\s+delta\s+0\s+1\s+0\s+0", plan.Out);
        Assert.Contains("update s-hs-5 (line 2): role,kind,sites", plan.Out, StringComparison.Ordinal);
        AssertSucceeded(applied);
        Assert.Contains("Nothing would change.", again.Out, StringComparison.Ordinal);
        await using var context = db.OpenContext();
        var person = await context.Set<Person>().SingleAsync(p => p.SourcedId == "s-hs-5");
        Assert.Equal(PersonKind.Teacher, person.Kind);
        Assert.Equal("teacher", person.SourceRole);
        Assert.Equal("teacher", (await context.Set<PersonSite>().SingleAsync(s => s.PersonId == person.Id)).Role);
        var change = await context.Set<ImportChange>().SingleAsync(c => c.SourcedId == "s-hs-5" && c.Kind == ChangeKind.Changed);
        Assert.Equal("role,kind", change.Fields);
        Assert.Equal(4, (await context.Set<Site>().SingleAsync(s => s.SourcedId == "org-hs-01")).Enrollment);
    }

    [Theory]
    [Providers]
    public async Task A_delta_role_deletion_names_the_user_and_org_and_a_user_keeps_at_least_one_role(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportAsync(db, RosterPackage.SmallDistrict(), "--apply");
        var delta = RosterPackage.Delta(OneRosterSpec.Roles)
            .Add(OneRosterSpec.Roles, ("sourcedId", "role-t-es-2"), ("userSourcedId", "t-es"), ("roleType", "secondary"), ("role", "teacher"), ("orgSourcedId", "org-hs-01"))
            .Add(OneRosterSpec.Roles, ("sourcedId", "role-t-hs"), ("status", "tobedeleted"), ("userSourcedId", " t-hs "), ("orgSourcedId", "org-hs-01"))
            .Add(OneRosterSpec.Roles, ("sourcedId", "role-p-es"), ("status", "tobedeleted"));

        var refused = await ImportAsync(db, delta, "--plan");

        Assert.Equal(1, refused.Code);
        Assert.Contains("roles.csv:3:4 — user ' t-hs ' would hold no role after this package; every 1.2 user needs at least one role.", refused.Error, StringComparison.Ordinal);
        Assert.Contains("roles.csv:4:4 — role 'role-p-es' is tobedeleted without its userSourcedId and orgSourcedId; send them so the role can be found.", refused.Error, StringComparison.Ordinal);

        delta.RemoveRows(OneRosterSpec.Roles, r => r["sourcedId"] != "role-t-es-2");
        var applied = await ImportAsync(db, delta, "--apply");

        AssertSucceeded(applied);
        await using var context = db.OpenContext();
        var teacher = await context.Set<Person>().SingleAsync(p => p.SourcedId == "t-es");
        Assert.Equal(2, await context.Set<PersonSite>().CountAsync(s => s.PersonId == teacher.Id));
        Assert.Equal((await context.Set<Site>().SingleAsync(s => s.SourcedId == "org-es-01")).Id, teacher.PrimarySiteId);
    }

    [Theory]
    [Providers]
    public async Task A_delta_of_users_alone_keeps_their_stored_roles(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportAsync(db, RosterPackage.SmallDistrict(), "--apply");
        var delta = RosterPackage.Delta(OneRosterSpec.Users);
        delta.User("s-hs-2", "student", "org-hs-01", "Teen2", "Tran-Le", grades: "10");
        delta.RemoveRows(OneRosterSpec.Roles, _ => true);

        var applied = await ImportAsync(db, delta, "--apply");

        AssertSucceeded(applied);
        Assert.Matches(@"Person\s+users\.csv\s+delta\s+0\s+1\s+0\s+0", applied.Out);
        await using var context = db.OpenContext();
        var person = await context.Set<Person>().SingleAsync(p => p.SourcedId == "s-hs-2");
        Assert.Equal("Tran-Le", person.FamilyName);
        Assert.Equal(PersonKind.Student, person.Kind);
        Assert.Equal("student", (await context.Set<PersonSite>().SingleAsync(s => s.PersonId == person.Id)).Role);
        var change = await context.Set<ImportChange>().SingleAsync(c => c.SourcedId == "s-hs-2" && c.Kind == ChangeKind.Changed);
        Assert.Equal("familyName,email", change.Fields);
    }

    [Theory]
    [Providers]
    public async Task A_new_user_in_a_delta_without_any_role_is_an_error(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportAsync(db, RosterPackage.SmallDistrict(), "--apply");
        var delta = RosterPackage.Delta(OneRosterSpec.Users);
        delta.User("s-hs-9", "student", "org-hs-01", "New", "Student", grades: "10");
        delta.RemoveRows(OneRosterSpec.Roles, _ => true);

        var refused = await ImportAsync(db, delta, "--plan");

        Assert.Equal(1, refused.Code);
        Assert.Contains(
            "users.csv:2:1 — user 's-hs-9' has no role: roles.csv has no row for them and DistrictOps holds none; every 1.2 user needs at least one role.",
            refused.Error, StringComparison.Ordinal);
    }

    private async Task<CliResult> ImportAsync(TestDatabase db, RosterPackage package, params string[] options) =>
        await CliRunner.RunAsync(db, ["import", "oneroster", package.WriteTo(_folder), .. options]);

    private static void AssertSucceeded(CliResult result) => Assert.True(result.Code == 0, $"exit {result.Code}: {result.Error}{result.Out}");
}
