namespace DistrictOps.Web.Modules.Accounts.Register;

/// <summary>
/// A user account as read from a target directory: its DN, the source id written to it (employeeID, employeeNumber), its
/// username, whether DistrictOps's marker is on it, whether it is disabled, and the attributes DistrictOps keeps.
/// </summary>
public sealed record DirectoryAccount(string Dn, string? SourceId, string? Username, bool Managed, bool Disabled, IReadOnlyDictionary<string, string> Attributes)
{
    public string Parent => DistinguishedNames.Parent(Dn);
}

/// <summary>A group as read from a target directory: its name (sAMAccountName, cn), whether DistrictOps's marker is on it, and its members' DNs.</summary>
public sealed record DirectoryGroup(string Dn, string Name, bool Managed, IReadOnlyList<string> Members);

/// <summary>
/// Every user account, group and organizational unit under a target's base DN, as one read found them, and every username
/// in use in the whole directory (a sAMAccountName must be unique in the domain, not only under the base DN).
/// </summary>
public sealed record DirectoryState(
    IReadOnlyList<DirectoryAccount> Accounts, IReadOnlyCollection<string> OrganizationalUnits, IReadOnlyCollection<string>? UsernamesInUse = null,
    IReadOnlyList<DirectoryGroup>? Groups = null);

/// <summary>Distinguished names: escaping a value, the parent, and comparison as directories compare them (case and spaces after commas ignored).</summary>
public static class DistinguishedNames
{
    public static string Escape(string value)
    {
        var escaped = new System.Text.StringBuilder(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is ',' or '+' or '"' or '\\' or '<' or '>' or ';' or '=' || (i == 0 && c is '#' or ' ') || (i == value.Length - 1 && c == ' '))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>Everything after the first unescaped comma.</summary>
    public static string Parent(string dn)
    {
        for (var i = 0; i < dn.Length; i++)
        {
            if (dn[i] == '\\')
            {
                i++;
            }
            else if (dn[i] == ',')
            {
                return dn[(i + 1)..].TrimStart();
            }
        }

        return "";
    }

    /// <summary>The first RDN: <c>CN=jane.doe</c>.</summary>
    public static string Rdn(string dn) => Parent(dn) is { Length: > 0 } parent ? dn[..(dn.Length - parent.Length)].TrimEnd().TrimEnd(',') : dn;

    /// <summary>The DN as compared: upper case, no spaces around the commas between RDNs. One pass; the planner keys every account and member.</summary>
    public static string Key(string dn)
    {
        var key = new System.Text.StringBuilder(dn.Length);
        var start = 0;
        for (var i = 0; i < dn.Length; i++)
        {
            if (dn[i] == '\\')
            {
                i++;
            }
            else if (dn[i] == ',')
            {
                AppendUpper(key, dn.AsSpan(start, i - start).Trim()).Append(',');
                start = i + 1;
            }
        }

        return AppendUpper(key, dn.AsSpan(Math.Min(start, dn.Length)).Trim()).ToString();
    }

    public static bool Same(string a, string b) => Key(a) == Key(b);

    /// <summary>The directory's root: the <c>DC=</c> parts of <paramref name="dn"/> (<c>DC=k12,DC=bayview,DC=example</c>), or the DN itself without any.</summary>
    public static string Root(string dn)
    {
        var parts = Split(dn).Select(p => p.Trim()).ToList();
        var first = parts.FindIndex(p => p.StartsWith("DC=", StringComparison.OrdinalIgnoreCase));
        return first < 0 ? dn : string.Join(',', parts.Skip(first));
    }

    /// <summary>The DN and each of its parents down to (not including) <paramref name="baseDn"/>, the base's child first.</summary>
    public static IReadOnlyList<string> Chain(string dn, string baseDn)
    {
        var chain = new List<string>();
        for (var at = dn; at.Length > 0 && !Same(at, baseDn); at = Parent(at))
        {
            chain.Insert(0, at);
        }

        return chain;
    }

    private static System.Text.StringBuilder AppendUpper(System.Text.StringBuilder key, ReadOnlySpan<char> part)
    {
        foreach (var c in part)
        {
            key.Append(char.ToUpperInvariant(c));
        }

        return key;
    }

    private static IEnumerable<string> Split(string dn)
    {
        var start = 0;
        for (var i = 0; i < dn.Length; i++)
        {
            if (dn[i] == '\\')
            {
                i++;
            }
            else if (dn[i] == ',')
            {
                yield return dn[start..i];
                start = i + 1;
            }
        }

        yield return dn[start..];
    }
}
