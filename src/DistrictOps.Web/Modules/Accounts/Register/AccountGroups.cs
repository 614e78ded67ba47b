using System.Globalization;
using System.IO.Hashing;
using System.Text;
using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.Web.Modules.Accounts.Register;

/// <summary>A person whose account belongs in their groups, with the account's DN once the plan's moves and creates are made.</summary>
public sealed record GroupMember(AccountHolder Holder, string Dn, string Username)
{
    public string Key { get; } = DistinguishedNames.Key(Dn);
}

/// <summary>One group a person belongs in: its kind, its normalized name, and for a class group the class's source id.</summary>
public readonly record struct GroupRef(GroupKind Kind, string Name, string? ClassId = null);

/// <summary>
/// What the groups are planned from; <see cref="Moved"/> maps the DN key of each account the plan moves to its new DN, which
/// Active Directory writes into the groups by itself (OpenLDAP without its referential-integrity overlay does not).
/// </summary>
public sealed record GroupPlanInput(
    AccountTarget Target, IReadOnlyList<GroupMember> Members, IReadOnlyList<DirectoryGroup> Groups, IReadOnlySet<string> ManagedAccounts,
    IReadOnlyDictionary<string, AccountClass>? Classes, IReadOnlyDictionary<string, string> Moved);

/// <summary>
/// The managed groups of a target (by site, role, grade and class, as its policy asks) and the changes that bring the
/// directory's groups to them. Only groups carrying the marker are changed, and only members that are accounts DistrictOps
/// manages are removed: a service account someone added by hand stays. A managed group nobody belongs in any more is
/// emptied in Active Directory (permissions granted to it survive) and deleted in LDAP, whose groupOfNames needs a member.
/// </summary>
public static class AccountGroups
{
    public const int MaxNameLength = 64;

    public static void Plan(GroupPlanInput input, List<PlannedOperation> ops, List<UnmatchedAccount> unmatched, Action<string> ensureOu)
    {
        var target = input.Target;
        var wanted = Wanted(input);
        var existing = input.Groups.GroupBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var names = wanted.Keys.Union(input.Groups.Where(g => g.Managed).Select(g => g.Name), StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        var none = new Dictionary<string, string?>();
        // An account is in several groups: each member DN's key is made once (a district's groups hold millions of members).
        var keys = input.Members.DistinctBy(m => m.Dn, StringComparer.Ordinal).ToDictionary(m => m.Dn, m => m.Key, StringComparer.Ordinal);
        foreach (var name in names)
        {
            var want = wanted.GetValueOrDefault(name);
            var dn = Dn(target, name);
            var found = existing.GetValueOrDefault(name) is { } same ? same.FirstOrDefault(g => DistinguishedNames.Same(g.Dn, dn)) ?? same[0] : null;
            if (found is { Managed: false })
            {
                unmatched.Add(new UnmatchedAccount(found.Dn, name, null, "A group DistrictOps did not make has this name; it is left alone, and the managed group is not made until it is renamed."));
                continue;
            }

            if (found is null)
            {
                if (want is { Members.Count: > 0 })
                {
                    ensureOu(DistinguishedNames.Parent(dn));
                    ops.Add(new PlannedOperation(OperationKind.CreateGroup, null, name, null, dn, null, new Dictionary<string, string?> { ["description"] = want.Description },
                        $"New group: {want.Description}; {Names(want.Members.Values)}.", Members: [.. want.Members.Keys.Select(k => want.Members[k].Dn)]));
                }

                continue;
            }

            var current = found.Members.Select(m => AfterMove(input, m, keys)).ToList();
            var held = new HashSet<string>(current.Select(m => m.After));
            var adds = want?.Members.Where(m => !held.Contains(m.Key)).Select(m => m.Value).ToList() ?? [];
            var removes = current.Where(m => input.ManagedAccounts.Contains(m.Before) && want?.Members.ContainsKey(m.After) != true).Select(m => m.Dn).ToList();
            if (target.Dialect == DirectoryDialect.Ldap && adds.Count == 0 && removes.Count > 0 && removes.Count == found.Members.Count)
            {
                ops.Add(new PlannedOperation(OperationKind.DeleteGroup, null, name, null, found.Dn, null, none, "Nobody belongs in it any more (an LDAP group cannot be empty)."));
                continue;
            }

            if (adds.Count > 0)
            {
                ops.Add(new PlannedOperation(OperationKind.AddMembers, null, name, null, found.Dn, null, none, $"Joins: {Names(adds)}.", Members: [.. adds.Select(m => m.Dn)]));
            }

            if (removes.Count > 0)
            {
                ops.Add(new PlannedOperation(OperationKind.RemoveMembers, null, name, null, found.Dn, null, none,
                    $"No longer in it: {Names(removes.Select(DistinguishedNames.Rdn).Select(Value).ToList())}.", Members: removes));
            }
        }
    }

    /// <summary>The groups a person's account belongs in under the target's policy.</summary>
    public static IEnumerable<GroupRef> For(AccountTarget target, AccountHolder holder)
    {
        var student = holder.Kind == "Student";
        foreach (var kind in target.Groups.Distinct())
        {
            switch (kind)
            {
                case GroupKind.Site when holder.SiteSourcedId is { } id:
                    yield return new GroupRef(kind, Name($"site-{id}-{(student ? "students" : "staff")}"));
                    break;
                case GroupKind.Role:
                    yield return new GroupRef(kind, Name($"role-{holder.Kind}"));
                    break;
                case GroupKind.Grade when student && holder.SiteSourcedId is { } id && holder.Grade is { } grade:
                    yield return new GroupRef(kind, Name($"site-{id}-grade-{grade}"));
                    break;
                case GroupKind.Class:
                    foreach (var sourcedId in holder.Classes ?? [])
                    {
                        yield return new GroupRef(kind, Name($"class-{sourcedId}"), sourcedId);
                    }

                    break;
            }
        }
    }

    /// <summary>The description a new group is made with, from its first member.</summary>
    public static string Describe(GroupRef group, AccountHolder member, IReadOnlyDictionary<string, AccountClass>? classes) => group.Kind switch
    {
        GroupKind.Site => $"{(member.Kind == "Student" ? "Students" : "Staff")} at {member.SiteName ?? member.SiteSourcedId}",
        GroupKind.Role => $"Every {member.Kind.ToLowerInvariant()}",
        GroupKind.Grade => $"Grade {member.Grade} at {member.SiteName ?? member.SiteSourcedId}",
        _ => classes?.GetValueOrDefault(group.ClassId ?? "") is { } known ? $"{known.Title}{(known.SiteName is { } at ? $" at {at}" : "")}" : $"Class {group.ClassId}",
    };

    /// <summary>
    /// A group name every directory takes: lower case letters, digits, '-', '_' and '.', at most <see cref="MaxNameLength"/>
    /// characters (a longer one keeps its start and ends with a hash of the whole, so two long names stay apart).
    /// </summary>
    public static string Name(string raw)
    {
        if (raw.Length <= MaxNameLength && IsName(raw))
        {
            return raw;
        }

        // Usernames' normalization (diacritics, case, one separator at a time), with every other character a dash.
        var text = Usernames.Normalize(new string([.. raw.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '-')]), int.MaxValue);
        if (text.Length <= MaxNameLength)
        {
            return text;
        }

        var hash = XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(raw)).ToString("x8", CultureInfo.InvariantCulture);
        return $"{text[..(MaxNameLength - hash.Length - 1)]}-{hash}";
    }

    public static string Dn(AccountTarget target, string name) => $"CN={DistinguishedNames.Escape(name)},{target.GroupsOu},{target.BaseDn}";

    /// <summary>A member's DN key now, and its DN and key as the group will hold it once the plan's moves are made.</summary>
    private static (string Before, string Dn, string After) AfterMove(GroupPlanInput input, string member, Dictionary<string, string> keys)
    {
        if (!keys.TryGetValue(member, out var key))
        {
            keys[member] = key = DistinguishedNames.Key(member);
        }

        return input.Target.Dialect == DirectoryDialect.ActiveDirectory && input.Moved.TryGetValue(key, out var moved) ? (key, moved, DistinguishedNames.Key(moved)) : (key, member, key);
    }

    /// <summary>Already a name: lower case ASCII letters, digits, '_', '.', single dashes, none at either end.</summary>
    private static bool IsName(string raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' || (c == '-' && i > 0 && i < raw.Length - 1 && raw[i - 1] != '-')))
            {
                return false;
            }
        }

        return raw.Length > 0;
    }

    private sealed record WantedGroup(string Description, Dictionary<string, GroupMember> Members);

    private static Dictionary<string, WantedGroup> Wanted(GroupPlanInput input)
    {
        var wanted = new Dictionary<string, WantedGroup>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in input.Members)
        {
            foreach (var reference in For(input.Target, member.Holder))
            {
                if (!wanted.TryGetValue(reference.Name, out var group))
                {
                    wanted[reference.Name] = group = new WantedGroup(Describe(reference, member.Holder, input.Classes), []);
                }

                group.Members[member.Key] = member;
            }
        }

        return wanted;
    }

    private static string Names(IEnumerable<GroupMember> members) => Names(members.Select(m => m.Username).Order(StringComparer.Ordinal).ToList());

    private static string Names(List<string> names) =>
        names.Count <= 5 ? string.Join(", ", names) : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", names.Take(5))} and {names.Count - 5:N0} more");

    private static string Value(string rdn) => rdn.IndexOf('=', StringComparison.Ordinal) is var i and >= 0 ? rdn[(i + 1)..] : rdn;
}
