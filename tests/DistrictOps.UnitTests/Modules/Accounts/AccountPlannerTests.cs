using DistrictOps.Web.Modules.Accounts;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.UnitTests.Modules.Accounts;

public sealed class AccountPlannerTests
{
    private const string Base = "DC=k12,DC=bayview,DC=example";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 16, 0, 0, TimeSpan.Zero);

    private static readonly AccountTarget K12 = new()
    {
        Name = "K12", Url = "ldaps://127.0.0.2", BaseDn = Base, Kinds = ["Student"], OuTemplate = "OU={grade},OU={site},OU=Students", UpnSuffix = "k12.bayview.example",
    };

    [Fact]
    public void An_empty_directory_gets_its_OUs_first_then_an_account_per_student_under_names_that_never_collide()
    {
        var plan = Plan([Student("s-1", "Maria", "Lopez", middle: "Elena"), Student("s-2", "Maria", "Lopez", middle: "Elena"), Student("s-3", "Maria", "Lopez"), Teacher("t-1")]);

        Assert.Equal(
            ["CreateOu OU=Students", "CreateOu OU=org-es-01", "CreateOu OU=03", "Create CN=maria.lopez", "Create CN=maria.e.lopez", "Create CN=mlopez"],
            plan.Operations.Select(o => $"{o.Kind} {DistinguishedNames.Rdn(o.Dn)}"));
        var first = plan.Operations.Single(o => o.Username == "maria.lopez");
        Assert.Equal($"CN=maria.lopez,OU=03,OU=org-es-01,OU=Students,{Base}", first.Dn);
        Assert.Equal(("s-1", "maria.lopez@k12.bayview.example", "Maria Lopez"), (first.Changes["employeeID"], first.Changes["userPrincipalName"], first.Changes["displayName"]));
        Assert.True(first.Passphrase);
        Assert.Null(plan.Refusal(new AccountsOptions()));
    }

    [Fact]
    public void A_name_someone_ever_held_is_not_given_to_anyone_else_but_a_person_keeps_their_own()
    {
        var maria = Student("s-1", "Maria", "Lopez");
        var other = Guid.NewGuid();
        var claims = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase) { ["maria.lopez"] = other, ["m.lopez.old"] = maria.Id };

        var plan = AccountPlanner.Plan(new PlanInput(K12, [maria], new DirectoryState([], []), new Dictionary<Guid, KnownAccount>(), claims, Now));

        Assert.Equal("m.lopez.old", plan.Operations.Single(o => o.Kind == OperationKind.Create).Username);
        var stranger = AccountPlanner.Plan(new PlanInput(K12, [Student("s-9", "Maria", "Lopez")], new DirectoryState([], []), new Dictionary<Guid, KnownAccount>(), claims, Now));
        Assert.Equal("mlopez", stranger.Operations.Single(o => o.Kind == OperationKind.Create).Username);
    }

    [Fact]
    public void A_name_in_use_anywhere_in_the_domain_is_not_given_even_to_the_person_who_holds_it_in_another_target()
    {
        var maria = Student("s-1", "Maria", "Lopez");
        var claims = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase) { ["maria.lopez"] = maria.Id };
        var state = new DirectoryState([], [], UsernamesInUse: ["Maria.Lopez", "maria.e.lopez"]);

        var plan = AccountPlanner.Plan(new PlanInput(K12, [maria], state, new Dictionary<Guid, KnownAccount>(), claims, Now));

        Assert.Equal("mlopez", plan.Operations.Single(o => o.Kind == OperationKind.Create).Username);
    }

    [Fact]
    public void The_first_run_links_an_account_found_by_employee_id_and_leaves_every_other_account_alone()
    {
        var maria = Student("s-1", "Maria", "Lopez");
        var state = new DirectoryState(
        [
            Account($"CN=mlopez,OU=03,OU=org-es-01,OU=Students,{Base}", "s-1", "mlopez", managed: false, displayName: "M Lopez"),
            Account($"CN=Administrator,CN=Users,{Base}", null, "Administrator", managed: false),
            Account($"CN=gone,OU=Students,{Base}", "s-404", "gone", managed: false),
            Account($"CN=twin1,OU=Students,{Base}", "s-2", "twin1", managed: false),
            Account($"CN=twin2,OU=Students,{Base}", "s-2", "twin2", managed: false),
        ], [$"OU=Students,{Base}", $"OU=org-es-01,OU=Students,{Base}", $"OU=03,OU=org-es-01,OU=Students,{Base}"]);

        var plan = Plan([maria, Student("s-2", "Twin", "Two")], state);

        Assert.Equal([OperationKind.Link, OperationKind.Rename], plan.Operations.Select(o => o.Kind));
        Assert.Equal("Maria Lopez", plan.Operations[1].Changes["displayName"]);
        Assert.Equal(["CN=Administrator", "CN=gone", "CN=twin1", "CN=twin2"], plan.Unmatched.Select(u => DistinguishedNames.Rdn(u.Dn)).Order());
        Assert.Contains("2 accounts carry the source id s-2", plan.Unmatched.First(u => u.Username == "twin1").Why, StringComparison.Ordinal);
        Assert.Contains("needs an IT manager's override", plan.Refusal(new AccountsOptions()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_leaver_waits_out_the_grace_period_is_disabled_after_it_and_deleted_only_where_policy_says()
    {
        var dn = $"CN=maria.lopez,OU=03,OU=org-es-01,OU=Students,{Base}";
        var ous = new[] { $"OU=Students,{Base}", $"OU=org-es-01,OU=Students,{Base}", $"OU=03,OU=org-es-01,OU=Students,{Base}" };
        var recent = Student("s-1", "Maria", "Lopez") with { LeftAt = Now.AddDays(-10) };
        var longGone = recent with { LeftAt = Now.AddDays(-50) };

        var waiting = Plan([recent], new DirectoryState([InSync(recent, dn)], ous));
        var disable = Plan([longGone], new DirectoryState([InSync(longGone, dn)], ous));
        var known = new Dictionary<Guid, KnownAccount> { [longGone.Id] = new(longGone.Id, "maria.lopez", Now.AddDays(-400)) };
        var disabled = new DirectoryState([InSync(longGone, dn) with { Disabled = true }], ous);
        var kept = AccountPlanner.Plan(new PlanInput(K12, [longGone], disabled, known, new Dictionary<string, Guid>(), Now));
        var deleted = AccountPlanner.Plan(new PlanInput(Copy(K12, deleteAfterDays: 365), [longGone], disabled, known, new Dictionary<string, Guid>(), Now));

        Assert.Empty(waiting.Operations);
        Assert.Equal(new DateOnly(2027, 1, 10), Assert.Single(waiting.Waiting).DisableOn);
        Assert.Equal(OperationKind.Disable, Assert.Single(disable.Operations).Kind);
        Assert.Empty(kept.Operations);
        Assert.Equal(OperationKind.Delete, Assert.Single(deleted.Operations).Kind);
    }

    [Fact]
    public void A_new_grade_moves_the_account_a_return_enables_only_what_the_sync_disabled()
    {
        var maria = Student("s-1", "Maria", "Lopez") with { Grade = "04" };
        var dn = $"CN=maria.lopez,OU=03,OU=org-es-01,OU=Students,{Base}";
        var ous = new[] { $"OU=Students,{Base}", $"OU=org-es-01,OU=Students,{Base}", $"OU=03,OU=org-es-01,OU=Students,{Base}" };
        var state = new DirectoryState([InSync(maria, dn) with { Disabled = true }], ous);
        var ours = new Dictionary<Guid, KnownAccount> { [maria.Id] = new(maria.Id, "maria.lopez", Now.AddDays(-3)) };

        var returned = AccountPlanner.Plan(new PlanInput(K12, [maria], state, ours, new Dictionary<string, Guid>(), Now));
        var someoneElses = AccountPlanner.Plan(new PlanInput(K12, [maria], state, new Dictionary<Guid, KnownAccount>(), new Dictionary<string, Guid>(), Now));

        Assert.Equal(["CreateOu", "Move", "Enable"], returned.Operations.Select(o => o.Kind.ToString()));
        Assert.Equal($"CN=maria.lopez,OU=04,OU=org-es-01,OU=Students,{Base}", returned.Operations[1].NewDn);
        Assert.Equal(returned.Operations[1].NewDn, returned.Operations[2].Dn);
        Assert.DoesNotContain(someoneElses.Operations, o => o.Kind == OperationKind.Enable);
    }

    [Fact]
    public void The_guard_stops_more_than_five_hundred_disables_and_too_large_a_share_of_the_accounts()
    {
        var ous = new[] { $"OU=Students,{Base}", $"OU=org-es-01,OU=Students,{Base}", $"OU=03,OU=org-es-01,OU=Students,{Base}" };
        var students = Enumerable.Range(1, 601).Select(i => Student($"s-{i}", "Kid", $"Number{i}") with { LeftAt = Now.AddDays(-60) }).ToList();
        var accounts = students.Select(s => InSync(s, $"CN={s.SourcedId},OU=03,OU=org-es-01,OU=Students,{Base}")).ToList();

        var many = Plan(students, new DirectoryState(accounts, ous));
        var few = Plan([.. students.Take(1), .. students.Skip(1).Select(s => s with { LeftAt = null })], new DirectoryState(accounts, ous));

        Assert.Equal(601, many.DisablesAndDeletes);
        Assert.Contains("disables or deletes 601 accounts (more than 500)", many.Refusal(new AccountsOptions()), StringComparison.Ordinal);
        Assert.Equal(1, few.Touched);
        Assert.Null(few.Refusal(new AccountsOptions()));
        Assert.NotNull(few.Refusal(new AccountsOptions { MaxChangedShare = 0.001 }));
    }

    private static AccountPlan Plan(IReadOnlyList<AccountHolder> holders, DirectoryState? state = null) =>
        AccountPlanner.Plan(new PlanInput(K12, holders, state ?? new DirectoryState([], []), new Dictionary<Guid, KnownAccount>(), new Dictionary<string, Guid>(), Now));

    private static AccountHolder Student(string id, string first, string last, string? middle = null) =>
        new(Guid.NewGuid(), id, "Student", first, last, middle, null, null, "org-es-01", "Bayview Elementary", "03", null, null, null, null);

    private static AccountHolder Teacher(string id) =>
        new(Guid.NewGuid(), id, "Teacher", "Tess", "Teacher", null, null, null, "org-es-01", "Bayview Elementary", null, "E100", "Teacher", "Instruction", null);

    private static DirectoryAccount Account(string dn, string? sourceId, string username, bool managed = true, bool disabled = false, string? displayName = null)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (sourceId is not null)
        {
            attributes["employeeID"] = sourceId;
            attributes["userPrincipalName"] = $"{username}@k12.bayview.example";
            attributes["displayName"] = displayName ?? username;
        }

        return new DirectoryAccount(dn, sourceId, username, managed, disabled, attributes);
    }

    /// <summary>An account as the sync left it: every kept attribute as the Directory has it.</summary>
    private static DirectoryAccount InSync(AccountHolder holder, string dn)
    {
        var username = DistinguishedNames.Rdn(dn)[3..];
        return new DirectoryAccount(dn, holder.SourcedId, username, true, false, AccountShape.Attributes(K12, holder, username));
    }

    private static AccountTarget Copy(AccountTarget target, int deleteAfterDays) => new()
    {
        Name = target.Name, Url = target.Url, BaseDn = target.BaseDn, Kinds = target.Kinds, OuTemplate = target.OuTemplate, UpnSuffix = target.UpnSuffix, DeleteAfterDays = deleteAfterDays,
    };
}
