using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.Web.Modules.Accounts.Register;

/// <summary>In the order they are applied: OUs before what goes in them, a move before the changes on the moved account.</summary>
public enum OperationKind
{
    CreateOu,
    Link,
    Move,
    Enable,
    Rename,
    Update,
    Create,
    CreateGroup,
    AddMembers,
    RemoveMembers,
    DeleteGroup,
    Disable,
    Delete,
}

/// <summary>
/// One change the plan would make. <see cref="Changes"/> are attribute → new value (null: remove it); <see cref="Dn"/> is
/// the entry as it will be when the change is made (after a move planned before it). A group change's <see cref="Members"/>
/// are the accounts' DNs it adds or removes (on create, its first members).
/// </summary>
public sealed record PlannedOperation(
    OperationKind Kind, Guid? PersonId, string Name, string? Username, string Dn, string? NewDn, IReadOnlyDictionary<string, string?> Changes, string Reason,
    bool Passphrase = false, string? PersonKind = null, IReadOnlyList<string>? Members = null)
{
    public bool OnGroup => Kind is OperationKind.CreateGroup or OperationKind.AddMembers or OperationKind.RemoveMembers or OperationKind.DeleteGroup;
}

/// <summary>An account in the directory the plan leaves alone, and why: the first run reports these instead of making duplicates.</summary>
public sealed record UnmatchedAccount(string Dn, string? Username, string? SourceId, string Why);

/// <summary>A person who left and whose account waits out the grace period before it is disabled.</summary>
public sealed record WaitingAccount(Guid PersonId, string Name, string? Username, DateOnly DisableOn);

public sealed record AccountPlan(string Target, IReadOnlyList<PlannedOperation> Operations, IReadOnlyList<UnmatchedAccount> Unmatched, IReadOnlyList<WaitingAccount> Waiting, int ManagedAccounts)
{
    public int DisablesAndDeletes => Operations.Count(o => o.Kind is OperationKind.Disable or OperationKind.Delete);

    /// <summary>Accounts already managed (or linked by this plan) that it changes, moves, disables, enables or deletes (group changes are not counted).</summary>
    public int Touched => Operations.Where(o => !o.OnGroup && o.Kind is not (OperationKind.Create or OperationKind.CreateOu or OperationKind.Link))
        .Select(o => o.Dn).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    public int Linked => Operations.Count(o => o.Kind == OperationKind.Link);

    /// <summary>Why the guard refuses to apply this plan without an IT manager's override; null when it may go.</summary>
    public string? Refusal(AccountsOptions options)
    {
        var reasons = new List<string>();
        if (DisablesAndDeletes > options.MaxDisablesAndDeletes)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"it disables or deletes {DisablesAndDeletes:N0} accounts (more than {options.MaxDisablesAndDeletes:N0})"));
        }

        var basis = Math.Max(1, ManagedAccounts + Linked);
        if (Touched > 0 && (double)Touched / basis > options.MaxChangedShare)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"it changes {Touched:N0} of {basis:N0} managed accounts ({(double)Touched / basis:P0}, more than {options.MaxChangedShare:P0})"));
        }

        return reasons.Count == 0 ? null : $"This plan needs an IT manager's override: {string.Join("; ", reasons)}.";
    }
}

/// <summary>What the sync knows of an account it keeps: the username it chose and whether it was the one that disabled it.</summary>
public sealed record KnownAccount(Guid PersonId, string Username, DateTimeOffset? DisabledAt);

/// <summary>What a plan is made from; <see cref="Classes"/> (source id → class) names class groups.</summary>
public sealed record PlanInput(
    AccountTarget Target, IReadOnlyList<AccountHolder> Holders, DirectoryState State, IReadOnlyDictionary<Guid, KnownAccount> Known,
    IReadOnlyDictionary<string, Guid> Claims, DateTimeOffset Now, IReadOnlyDictionary<string, AccountClass>? Classes = null);

/// <summary>
/// Compares the Directory's people with what a target directory holds and lists every change, each with its reason. Pure:
/// the same input gives the same plan, so applying after a crash plans only what is left. Accounts are matched by the
/// source id written to them, never by name; only accounts carrying the marker are changed (an account found by its source
/// id on the first run is linked first, which the plan shows).
/// </summary>
public static class AccountPlanner
{
    public static AccountPlan Plan(PlanInput input)
    {
        var (target, now) = (input.Target, input.Now);
        var bySource = input.State.Accounts.Where(a => a.SourceId is not null)
            .GroupBy(a => a.SourceId!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var inDirectory = new HashSet<string>(input.State.Accounts.Where(a => a.Username is not null).Select(a => a.Username!), StringComparer.OrdinalIgnoreCase);
        inDirectory.UnionWith(input.State.UsernamesInUse ?? []);
        var taken = new HashSet<string>(input.Claims.Keys, StringComparer.OrdinalIgnoreCase);
        taken.UnionWith(inDirectory);
        var claimed = input.Claims.ToLookup(c => c.Value, c => c.Key);
        var ous = new HashSet<string>(input.State.OrganizationalUnits.Select(DistinguishedNames.Key)) { DistinguishedNames.Key(target.BaseDn) };
        var ops = new List<PlannedOperation>();
        var unmatched = new List<UnmatchedAccount>();
        var waiting = new List<WaitingAccount>();
        var holderIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var members = new List<GroupMember>();
        var counters = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        void EnsureOu(string parent)
        {
            foreach (var dn in DistinguishedNames.Chain(parent, target.BaseDn).Where(dn => ous.Add(DistinguishedNames.Key(dn))))
            {
                ops.Add(new PlannedOperation(OperationKind.CreateOu, null, DistinguishedNames.Rdn(dn), null, dn, null, new Dictionary<string, string?>(), "An account goes in it."));
            }
        }

        foreach (var holder in input.Holders.OrderBy(h => h.SourcedId, StringComparer.Ordinal))
        {
            holderIds.Add(holder.SourcedId);
            var matches = bySource.GetValueOrDefault(holder.SourcedId) ?? [];
            if (matches.Count > 1)
            {
                unmatched.AddRange(matches.Select(m => new UnmatchedAccount(m.Dn, m.Username, m.SourceId,
                    $"{matches.Count} accounts carry the source id {holder.SourcedId}; none is changed until only one does.")));
                continue;
            }

            var entry = matches.SingleOrDefault();
            var inScope = InScope(target, holder);
            var name = AccountShape.DisplayName(holder);
            if (entry is null)
            {
                if (inScope && holder.LeftAt is null)
                {
                    var username = UsernameFor(input, holder, taken, inDirectory, claimed, counters);
                    taken.Add(username);
                    var dn = AccountShape.Dn(target, holder, username);
                    EnsureOu(DistinguishedNames.Parent(dn));
                    ops.Add(new PlannedOperation(OperationKind.Create, holder.Id, name, username, dn, null, Nullable(AccountShape.Attributes(target, holder, username)),
                        $"New {holder.Kind.ToLowerInvariant()} at {holder.SiteName ?? "no site"}.", Passphrase: holder.Kind == "Student" && GradeNumber(holder.Grade) < target.PassphraseBelowGrade,
                        PersonKind: holder.Kind));
                    members.Add(new GroupMember(holder, dn, username));
                }

                continue;
            }

            if (PlanExisting(input, holder, entry, inScope, name, ops, waiting, EnsureOu) is { } memberDn)
            {
                members.Add(new GroupMember(holder, memberDn, entry.Username ?? DistinguishedNames.Rdn(memberDn)));
            }
        }

        PlanWithoutPerson(input, holderIds, ops, unmatched);
        if (target.Groups.Count > 0)
        {
            var managed = new HashSet<string>(input.State.Accounts.Where(a => a.Managed).Select(a => DistinguishedNames.Key(a.Dn)));
            managed.UnionWith(ops.Where(o => o.Kind == OperationKind.Link).Select(o => DistinguishedNames.Key(o.Dn)));
            var moved = ops.Where(o => o.Kind == OperationKind.Move).ToDictionary(o => DistinguishedNames.Key(o.Dn), o => o.NewDn!);
            AccountGroups.Plan(new GroupPlanInput(target, members, input.State.Groups ?? [], managed, input.Classes, moved), ops, unmatched, EnsureOu);
        }

        var ordered = ops.Select((o, i) => (o, i)).OrderBy(x => x.o.Kind).ThenBy(x => x.i).Select(x => x.o).ToList();
        return new AccountPlan(target.Name, ordered, unmatched, waiting, input.State.Accounts.Count(a => a.Managed));
    }

    /// <summary>Accounts no person in the Directory has: a managed one is disabled, any other left alone and listed.</summary>
    private static void PlanWithoutPerson(PlanInput input, HashSet<string> holderIds, List<PlannedOperation> ops, List<UnmatchedAccount> unmatched)
    {
        foreach (var account in input.State.Accounts.Where(a => a.SourceId is null || !holderIds.Contains(a.SourceId)))
        {
            if (account.Managed && !account.Disabled)
            {
                ops.Add(new PlannedOperation(OperationKind.Disable, null, account.Username ?? DistinguishedNames.Rdn(account.Dn), account.Username, account.Dn, null,
                    new Dictionary<string, string?>(), "Its person is no longer in the Directory."));
            }
            else if (!account.Managed)
            {
                unmatched.Add(new UnmatchedAccount(account.Dn, account.Username, account.SourceId,
                    account.SourceId is null ? "No source id: not a person DistrictOps knows; left alone." : $"No person in the Directory has the source id {account.SourceId}; left alone."));
            }
        }
    }

    /// <summary>Plans the changes to a person's existing account; returns its DN after them when it belongs in the person's groups.</summary>
    private static string? PlanExisting(
        PlanInput input, AccountHolder holder, DirectoryAccount entry, bool inScope, string name, List<PlannedOperation> ops, List<WaitingAccount> waiting, Action<string> ensureOu)
    {
        var target = input.Target;
        var none = new Dictionary<string, string?>();
        var known = input.Known.GetValueOrDefault(holder.Id);
        if (!entry.Managed)
        {
            ops.Add(new PlannedOperation(OperationKind.Link, holder.Id, name, entry.Username, entry.Dn, null,
                new Dictionary<string, string?> { [AccountShape.MarkerAttribute(target.Dialect)] = AccountShape.MarkerValue },
                $"Found by {AccountShape.SourceIdAttribute(target.Dialect)} {holder.SourcedId}: DistrictOps manages it from now on."));
        }

        var grace = holder.Kind == "Student" ? target.StudentGraceDays : target.StaffGraceDays;
        if (!inScope || (holder.LeftAt is { } left && input.Now >= left.AddDays(grace)))
        {
            var why = inScope ? $"Left on {holder.LeftAt:yyyy-MM-dd}; the {grace}-day grace period is over." : "No longer a person this directory's policy covers.";
            if (!entry.Disabled)
            {
                ops.Add(new PlannedOperation(OperationKind.Disable, holder.Id, name, entry.Username, entry.Dn, null, none, why));
            }
            else if (target.DeleteAfterDays is { } days && known?.DisabledAt is { } disabledAt && input.Now >= disabledAt.AddDays(days))
            {
                ops.Add(new PlannedOperation(OperationKind.Delete, holder.Id, name, entry.Username, entry.Dn, null, none,
                    $"Disabled on {disabledAt:yyyy-MM-dd}; the {days}-day retention is over."));
            }

            return null;
        }

        if (holder.LeftAt is { } leaving)
        {
            // Still enabled while the grace runs, but no longer in the groups of a site or class they have left.
            waiting.Add(new WaitingAccount(holder.Id, name, entry.Username, DateOnly.FromDateTime(leaving.AddDays(grace).UtcDateTime)));
            return null;
        }

        var dn = entry.Dn;
        var parent = AccountShape.Ou(target, holder);
        if (!DistinguishedNames.Same(entry.Parent, parent))
        {
            ensureOu(parent);
            dn = $"{DistinguishedNames.Rdn(entry.Dn)},{parent}";
            ops.Add(new PlannedOperation(OperationKind.Move, holder.Id, name, entry.Username, entry.Dn, dn, none,
                $"Now at {holder.SiteName ?? "no site"}{(holder.Grade is { } g ? $", grade {g}" : "")}."));
        }

        if (entry.Disabled && known?.DisabledAt is not null)
        {
            ops.Add(new PlannedOperation(OperationKind.Enable, holder.Id, name, entry.Username, dn, null, none, "Back in the Directory after leaving."));
        }

        var desired = AccountShape.Attributes(target, holder, entry.Username ?? known?.Username ?? "");
        var changes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in KeptAttributes(target.Dialect))
        {
            var want = desired.GetValueOrDefault(key);
            var have = entry.Attributes.GetValueOrDefault(key);
            if (!string.Equals(want, have, StringComparison.Ordinal))
            {
                changes[key] = want;
            }
        }

        if (changes.Count > 0)
        {
            var rename = changes.Keys.Any(AccountShape.IsName);
            ops.Add(new PlannedOperation(rename ? OperationKind.Rename : OperationKind.Update, holder.Id, name, entry.Username, dn, null, changes,
                string.Join(", ", changes.Select(c => $"{c.Key}: {entry.Attributes.GetValueOrDefault(c.Key) ?? "(none)"} → {c.Value ?? "(none)"}"))));
        }

        // An account disabled by someone else stays disabled and out of the groups.
        return entry.Disabled && known?.DisabledAt is null ? null : dn;
    }

    /// <summary>Every attribute the sync keeps in step, so one the Directory no longer has (a title) is removed.</summary>
    public static IReadOnlyList<string> KeptAttributes(DirectoryDialect dialect) => dialect == DirectoryDialect.ActiveDirectory
        ? ["givenName", "sn", "displayName", "employeeID", "mail", "title", "department", "company", "userPrincipalName"]
        : ["givenName", "sn", "displayName", "cn", "employeeNumber", "mail", "title", "departmentNumber", "o"];

    private static bool InScope(AccountTarget target, AccountHolder holder) =>
        target.Kinds.Contains(holder.Kind, StringComparer.OrdinalIgnoreCase)
        && (target.Sites.Count == 0 || (holder.SiteSourcedId is { } site && target.Sites.Contains(site, StringComparer.OrdinalIgnoreCase)));

    /// <summary>The name the person already has in another target (same person, same name everywhere), else a new one.</summary>
    private static string UsernameFor(
        PlanInput input, AccountHolder holder, HashSet<string> taken, HashSet<string> inDirectory, ILookup<Guid, string> claimed, Dictionary<string, int> counters)
    {
        var own = input.Known.GetValueOrDefault(holder.Id)?.Username ?? claimed[holder.Id].Order(StringComparer.Ordinal).FirstOrDefault();
        return own is not null && !inDirectory.Contains(own) && own.Length <= input.Target.MaxUsernameLength
            ? own
            : Usernames.Pick(input.Target.UsernameTemplates, AccountShape.Parts(holder), input.Target.MaxUsernameLength, taken.Contains, counters);
    }

    private static int GradeNumber(string? grade) =>
        grade is null ? 99 : grade is "TK" or "KG" or "K" or "PK" ? 0 : int.TryParse(grade, NumberStyles.Integer, CultureInfo.InvariantCulture, out var g) ? g : 99;

    private static Dictionary<string, string?> Nullable(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.OrdinalIgnoreCase);
}
