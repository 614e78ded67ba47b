using System.Runtime.InteropServices;

namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>
/// The roles of each user (1.2). In a bulk package they are exactly the rows of roles.csv. In a delta (either users.csv or
/// roles.csv sent as delta) the stored roles stand and the package's rows change them: an active row sets the user's role
/// at its org (a new primary role makes the others secondary), a tobedeleted row takes the user's role at its org away.
/// Equal roles are one instance: a million users hold a few hundred.
/// </summary>
internal sealed class UserRoles(IdKeys users, IReadOnlyDictionary<ulong, OrgRole[]>? stored)
{
    private readonly Dictionary<ulong, OrgRole[]> _roles = [];
    private readonly Dictionary<ulong, List<(string Org, OrgRole? Role)>> _changes = [];
    private readonly Dictionary<ulong, (string User, string Written, int Line)> _named = [];
    private readonly Dictionary<OrgRole, OrgRole> _shared = [];
    private readonly HashSet<ulong> _leftOut = [];

    public bool IsDelta => stored is not null;

    /// <summary>The userSourcedId column of roles.csv, for messages.</summary>
    public int UserColumn { get; set; }

    /// <summary>The users the package's roles.csv names, with the line that first names each and the userSourcedId as written there.</summary>
    public IEnumerable<(ulong Key, string User, string Written, int Line)> Named => _named.Select(n => (n.Key, n.Value.User, n.Value.Written, n.Value.Line));

    public void Add(string user, string written, OrgRole role, int line)
    {
        if (!_shared.TryGetValue(role, out var shared))
        {
            _shared[role] = shared = role;
        }

        var key = users.Of(user);
        _named.TryAdd(key, (user, written, line));
        if (stored is not null)
        {
            Change(key).Add((role.OrgSourcedId, shared));
            return;
        }

        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_roles, key, out _);
        list = list is null ? [shared] : [.. list, shared];
    }

    /// <summary>A roles.csv row of this user was left out for a dangling reference.</summary>
    public void LeaveOut(string user) => _leftOut.Add(users.Of(user));

    /// <summary>Whether a roles.csv row of this user was left out, so a user without a role is left out too instead of being an error.</summary>
    public bool LeftOut(string user) => _leftOut.Contains(users.Of(user));

    /// <summary>A delta's tobedeleted role: the user no longer holds a role at this org.</summary>
    public void Remove(string user, string written, string org, int line)
    {
        var key = users.Of(user);
        _named.TryAdd(key, (user, written, line));
        Change(key).Add((org, null));
    }

    private List<(string Org, OrgRole? Role)> Change(ulong key)
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_changes, key, out _);
        return list ??= [];
    }

    public IReadOnlyList<OrgRole> Of(string user) => Of(users.Of(user));

    public IReadOnlyList<OrgRole> Of(ulong key)
    {
        if (stored is null)
        {
            return _roles.GetValueOrDefault(key) ?? [];
        }

        var roles = Stored(key);
        if (!_changes.TryGetValue(key, out var changes))
        {
            return roles;
        }

        var merged = roles.ToList();
        foreach (var (org, role) in changes)
        {
            merged.RemoveAll(r => r.OrgSourcedId == org);
            if (role is null)
            {
                continue;
            }

            if (role.Primary)
            {
                merged = merged.Select(r => r.Primary ? r with { Primary = false } : r).ToList();
            }

            merged.Add(role);
        }

        return merged;
    }

    public IReadOnlyList<OrgRole> Stored(ulong key) => stored?.GetValueOrDefault(key) ?? [];
}
