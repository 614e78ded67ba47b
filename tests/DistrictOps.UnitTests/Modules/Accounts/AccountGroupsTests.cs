using DistrictOps.Web.Modules.Accounts;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.UnitTests.Modules.Accounts;

public sealed class AccountGroupsTests
{
    private const string Base = "DC=k12,DC=bayview,DC=example";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_accounts_get_their_site_grade_class_and_role_groups_after_the_accounts_are_made()
    {
        var plan = Plan(Target(GroupKind.Site, GroupKind.Grade, GroupKind.Class, GroupKind.Role), [Student("s-1", "Ana", "03", "cls-1"), Student("s-2", "Ben", "04", "cls-1")]);

        var groups = plan.Operations.Where(o => o.OnGroup).ToList();
        Assert.Equal(["class-cls-1", "role-student", "site-es-1-grade-03", "site-es-1-grade-04", "site-es-1-students"], groups.Select(g => g.Name));
        Assert.All(groups, g => Assert.Equal(OperationKind.CreateGroup, g.Kind));
        Assert.True(plan.Operations.ToList().FindLastIndex(o => o.Kind == OperationKind.Create) < plan.Operations.ToList().FindIndex(o => o.OnGroup));
        var klass = groups[0];
        Assert.Equal($"CN=class-cls-1,OU=Groups,OU=DistrictOps,{Base}", klass.Dn);
        Assert.Equal("Reading 3 at Harbor View", klass.Changes["description"]);
        Assert.Equal([$"CN=ana.garcia,OU=Students,{Base}", $"CN=ben.garcia,OU=Students,{Base}"], klass.Members);
        Assert.Contains(plan.Operations, o => o is { Kind: OperationKind.CreateOu } && o.Dn == $"OU=Groups,OU=DistrictOps,{Base}");
        Assert.Equal(0, plan.Touched);
    }

    [Fact]
    public void Only_managed_members_are_removed_only_missing_ones_added_and_a_group_DistrictOps_did_not_make_is_left_alone()
    {
        var ana = Student("s-1", "Ana", "03");
        var ben = Student("s-2", "Ben", "03");
        var (anaDn, benDn, gone) = ($"CN=ana.garcia,OU=Students,{Base}", $"CN=ben.garcia,OU=Students,{Base}", $"CN=old.student,OU=Students,{Base}");
        var state = new DirectoryState(
            [Account(anaDn, "s-1", "ana.garcia"), Account(benDn, "s-2", "ben.garcia"), Account(gone, "s-9", "old.student", disabled: true), Account($"CN=svc,{Base}", null, "svc", managed: false)],
            [$"OU=Students,{Base}", $"OU=DistrictOps,{Base}", $"OU=Groups,OU=DistrictOps,{Base}"],
            Groups:
            [
                new DirectoryGroup($"CN=site-es-1-grade-03,OU=Groups,OU=DistrictOps,{Base}", "site-es-1-grade-03", true, [anaDn.ToUpperInvariant(), gone, $"CN=svc,{Base}"]),
                new DirectoryGroup($"CN=role-student,OU=Hand,{Base}", "role-student", false, []),
            ]);

        var plan = Plan(Target(GroupKind.Grade, GroupKind.Role), [ana, ben], state);

        var groups = plan.Operations.Where(o => o.OnGroup).ToList();
        Assert.Equal([(OperationKind.AddMembers, "site-es-1-grade-03"), (OperationKind.RemoveMembers, "site-es-1-grade-03")], groups.Select(g => (g.Kind, g.Name)));
        Assert.Equal([benDn], groups[0].Members);
        Assert.Equal([gone], groups[1].Members);
        Assert.Contains(plan.Unmatched, u => u.Username == "role-student" && u.Why.Contains("did not make", StringComparison.Ordinal));
    }

    [Fact]
    public void A_managed_group_nobody_belongs_in_is_emptied_in_AD_and_deleted_in_LDAP_and_a_leaver_drops_out_at_once()
    {
        var left = Student("s-1", "Ana", "03") with { LeftAt = Now.AddDays(-3) };
        var anaDn = $"CN=ana.garcia,OU=Students,{Base}";
        var group = new DirectoryGroup($"CN=site-es-1-grade-03,OU=Groups,OU=DistrictOps,{Base}", "site-es-1-grade-03", true, [anaDn]);
        var state = new DirectoryState([Account(anaDn, "s-1", "ana.garcia")], [$"OU=Students,{Base}"], Groups: [group]);

        var ad = Plan(Target(GroupKind.Grade), [left], state);
        var ldap = Plan(Copy(Target(GroupKind.Grade), DirectoryDialect.Ldap), [left], state);

        Assert.Equal((OperationKind.RemoveMembers, anaDn), ad.Operations.Where(o => o.OnGroup).Select(o => (o.Kind, o.Members!.Single())).Single());
        Assert.Equal(OperationKind.DeleteGroup, ldap.Operations.Single(o => o.OnGroup).Kind);
        Assert.Equal("Ana Garcia", Assert.Single(ad.Waiting).Name);
        Assert.DoesNotContain(ad.Operations, o => o.Kind == OperationKind.Disable);
    }

    [Theory]
    [InlineData("class-ÁLGEBRA 1 (P3)/A", "class-algebra-1-p3-a")]
    [InlineData("site-org-es-01-grade-KG", "site-org-es-01-grade-kg")]
    public void Group_names_are_lower_case_letters_digits_and_dashes(string raw, string expected) => Assert.Equal(expected, AccountGroups.Name(raw));

    [Fact]
    public void A_long_name_is_cut_with_a_hash_so_two_long_names_stay_apart()
    {
        var a = AccountGroups.Name("class-" + new string('x', 80) + "-1");
        var b = AccountGroups.Name("class-" + new string('x', 80) + "-2");

        Assert.Equal(AccountGroups.MaxNameLength, a.Length);
        Assert.NotEqual(a, b);
    }

    private static AccountPlan Plan(AccountTarget target, IReadOnlyList<AccountHolder> holders, DirectoryState? state = null) =>
        AccountPlanner.Plan(new PlanInput(target, holders, state ?? new DirectoryState([], []), new Dictionary<Guid, KnownAccount>(), new Dictionary<string, Guid>(), Now,
            new Dictionary<string, AccountClass> { ["cls-1"] = new("cls-1", "Reading 3", "Harbor View") }));

    private static AccountTarget Target(params GroupKind[] groups) => new()
    {
        Name = "K12", Url = "ldaps://127.0.0.2", BaseDn = Base, Kinds = ["Student"], OuTemplate = "OU=Students", Groups = [.. groups], UsernameTemplates = ["{first}.{last}"],
    };

    private static AccountTarget Copy(AccountTarget target, DirectoryDialect dialect) => new()
    {
        Name = target.Name, Url = target.Url, BaseDn = target.BaseDn, Kinds = target.Kinds, OuTemplate = target.OuTemplate, Groups = target.Groups,
        UsernameTemplates = target.UsernameTemplates, Dialect = dialect,
    };

    private static AccountHolder Student(string id, string first, string grade, params string[] classes) =>
        new(Guid.NewGuid(), id, "Student", first, "Garcia", null, null, null, "es-1", "Harbor View", grade, null, null, null, null, classes);

    private static DirectoryAccount Account(string dn, string? sourceId, string username, bool managed = true, bool disabled = false) =>
        new(dn, sourceId, username, managed, disabled, new Dictionary<string, string>());
}
