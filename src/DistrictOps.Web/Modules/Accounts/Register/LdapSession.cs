using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace DistrictOps.Web.Modules.Accounts.Register;

/// <summary>
/// One bound connection to a target directory (System.DirectoryServices.Protocols over the system's OpenLDAP client):
/// reads every user account and OU under the base DN in pages, and makes one planned change at a time. Each change checks
/// the entry as it is first, so making it again changes nothing. Calls block; callers run them off the request thread.
/// </summary>
public sealed class LdapSession : IDisposable
{
    private const int AccountDisable = 0x2;
    private const int NormalAccount = 0x200;
    private const int GlobalSecurityGroup = unchecked((int)0x80000002);
    private const int MembersPerRequest = 1000;
    private const string ShadowAccount = "shadowAccount";

    private readonly LdapConnection connection;
    private readonly AccountTarget target;

    private LdapSession(AccountTarget target, LdapConnection connection) => (this.target, this.connection) = (target, connection);

    private bool Ad => target.Dialect == DirectoryDialect.ActiveDirectory;

    public static LdapSession Open(AccountTarget target)
    {
        var url = new Uri(target.Url);
        var secure = url.Scheme == "ldaps";
        var connection = new LdapConnection(new LdapDirectoryIdentifier(url.Host, url.IsDefaultPort || url.Port <= 0 ? (secure ? 636 : 389) : url.Port),
            new NetworkCredential(target.BindDn, target.BindPassword), AuthType.Basic)
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
        if (secure)
        {
            connection.SessionOptions.SecureSocketLayer = true;
            if (!string.IsNullOrWhiteSpace(target.TrustedCertificates) && !OperatingSystem.IsWindows())
            {
                connection.SessionOptions.TrustedCertificatesDirectory = target.TrustedCertificates;
                connection.SessionOptions.StartNewTlsSessionContext();
            }
        }

        try
        {
            connection.Bind();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new LdapSession(target, connection);
    }

    /// <summary>Every user account (not computers) and OU under the base DN.</summary>
    public DirectoryState Read()
    {
        var marker = AccountShape.MarkerAttribute(target.Dialect);
        var source = AccountShape.SourceIdAttribute(target.Dialect);
        var username = AccountShape.UsernameAttribute(target.Dialect);
        string[] attributes = [.. AccountPlanner.KeptAttributes(target.Dialect), marker, username, Ad ? "userAccountControl" : "shadowExpire"];
        var accounts = Search(target.BaseDn, Ad ? "(&(objectClass=user)(!(objectClass=computer)))" : "(objectClass=inetOrgPerson)", attributes)
            .Select(e =>
            {
                var values = AccountPlanner.KeptAttributes(target.Dialect).Select(a => (a, Value(e, a))).Where(p => p.Item2 is not null)
                    .ToDictionary(p => p.a, p => p.Item2!, StringComparer.OrdinalIgnoreCase);
                var disabled = Ad ? (int.TryParse(Value(e, "userAccountControl"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var uac) && (uac & AccountDisable) != 0)
                    : Value(e, "shadowExpire") is { } expire && expire != "-1";
                return new DirectoryAccount(e.DistinguishedName, Value(e, source), Value(e, username), Value(e, marker) == AccountShape.MarkerValue, disabled, values);
            }).ToList();
        var ous = Search(target.BaseDn, "(objectClass=organizationalUnit)", ["ou"]).Select(e => e.DistinguishedName).ToList();
        var inUse = Search(DistinguishedNames.Root(target.BaseDn), $"({username}=*)", [username]).Select(e => Value(e, username)).OfType<string>().ToList();
        return new DirectoryState(accounts, ous, inUse, target.Groups.Count > 0 ? ReadGroups() : []);
    }

    /// <summary>Every group under the base DN with its members (however many: Active Directory hands a large group's out in ranges).</summary>
    private List<DirectoryGroup> ReadGroups()
    {
        var (name, marker) = (AccountShape.GroupNameAttribute(target.Dialect), AccountShape.GroupMarkerAttribute(target.Dialect));
        return Search(target.BaseDn, Ad ? "(objectClass=group)" : "(objectClass=groupOfNames)", [name, marker, "member"])
            .Where(e => Value(e, name) is not null)
            .Select(e => new DirectoryGroup(e.DistinguishedName, Value(e, name)!, Value(e, marker) == AccountShape.MarkerValue, Members(e)))
            .ToList();
    }

    private List<string> Members(SearchResultEntry entry)
    {
        var members = new List<string>(Values(entry, "member"));
        var ranged = RangedMember(entry);
        while (ranged is { } attribute)
        {
            members.AddRange((string[])attribute.GetValues(typeof(string)));
            var range = attribute.Name[(attribute.Name.IndexOf('=', StringComparison.Ordinal) + 1)..];
            if (range.EndsWith('*'))
            {
                break;
            }

            var next = int.Parse(range[(range.IndexOf('-', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture) + 1;
            ranged = Find(entry.DistinguishedName, [string.Create(CultureInfo.InvariantCulture, $"member;range={next}-*")]) is { } more ? RangedMember(more) : null;
        }

        return members;
    }

    private static DirectoryAttribute? RangedMember(SearchResultEntry entry)
    {
        foreach (string key in entry.Attributes.AttributeNames)
        {
            if (key.StartsWith("member;range=", StringComparison.OrdinalIgnoreCase))
            {
                return entry.Attributes[key];
            }
        }

        return null;
    }

    /// <summary>Makes one planned change; <paramref name="password"/> is the new account's first password (create only).</summary>
    public void Apply(PlannedOperation operation, string? password)
    {
        switch (operation.Kind)
        {
            case OperationKind.CreateOu:
                if (Find(operation.Dn) is null)
                {
                    Send(new AddRequest(operation.Dn, new DirectoryAttribute("objectClass", "top", "organizationalUnit"), new DirectoryAttribute("ou", OuName(operation.Dn))));
                }

                break;
            case OperationKind.Create:
                Create(operation, password ?? throw new ArgumentNullException(nameof(password)));
                break;
            case OperationKind.Link or OperationKind.Update or OperationKind.Rename:
                Modify(operation.Dn, operation.Changes);
                break;
            case OperationKind.Move:
                if (Find(operation.Dn) is not null)
                {
                    Send(new ModifyDNRequest(operation.Dn, DistinguishedNames.Parent(operation.NewDn!), DistinguishedNames.Rdn(operation.NewDn!)));
                }

                break;
            case OperationKind.Disable or OperationKind.Enable:
                SetDisabled(operation.Dn, operation.Kind == OperationKind.Disable);
                break;
            case OperationKind.Delete or OperationKind.DeleteGroup:
                if (Find(operation.Dn) is not null)
                {
                    Send(new DeleteRequest(operation.Dn));
                }

                break;
            case OperationKind.CreateGroup:
                CreateGroup(operation);
                break;
            case OperationKind.AddMembers or OperationKind.RemoveMembers:
                ChangeMembers(operation.Dn, operation.Members ?? [], operation.Kind == OperationKind.AddMembers);
                break;
        }
    }

    /// <summary>Global security group in Active Directory, groupOfNames in LDAP (which needs its first member in the same add).</summary>
    private void CreateGroup(PlannedOperation operation)
    {
        if (Find(operation.Dn) is not null)
        {
            ChangeMembers(operation.Dn, operation.Members ?? [], add: true);
            return;
        }

        var members = operation.Members ?? [];
        var attributes = new List<DirectoryAttribute>
        {
            new("cn", operation.Name),
            new(AccountShape.GroupMarkerAttribute(target.Dialect), AccountShape.MarkerValue),
            new("objectClass", Ad ? new object[] { "top", "group" } : new object[] { "top", "groupOfNames" }),
        };
        if (operation.Changes.GetValueOrDefault("description") is { } description)
        {
            attributes.Add(new DirectoryAttribute("description", description));
        }

        if (Ad)
        {
            attributes.Add(new DirectoryAttribute("sAMAccountName", operation.Name));
            attributes.Add(new DirectoryAttribute("groupType", GlobalSecurityGroup.ToString(CultureInfo.InvariantCulture)));
        }

        if (members.Count > 0)
        {
            attributes.Add(new DirectoryAttribute("member", members.Take(MembersPerRequest).ToArray<object>()));
        }

        Send(new AddRequest(operation.Dn, [.. attributes]));
        ChangeMembers(operation.Dn, [.. members.Skip(MembersPerRequest)], add: true);
    }

    /// <summary>Adds the members not there yet, or removes those still there, a thousand to a request.</summary>
    private void ChangeMembers(string dn, IReadOnlyList<string> members, bool add)
    {
        if (members.Count == 0)
        {
            return;
        }

        var entry = Find(dn, ["member"]) ?? throw new InvalidOperationException($"{dn} is not in the directory.");
        var current = new HashSet<string>(Members(entry).Select(DistinguishedNames.Key));
        var change = members.Where(m => current.Contains(DistinguishedNames.Key(m)) != add).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var chunk in change.Chunk(MembersPerRequest))
        {
            var modification = new DirectoryAttributeModification
            {
                Name = "member", Operation = add ? DirectoryAttributeOperation.Add : DirectoryAttributeOperation.Delete,
            };
            foreach (var member in chunk)
            {
                modification.Add(member);
            }

            var request = new ModifyRequest(dn);
            request.Modifications.Add(modification);
            Send(request);
        }
    }

    /// <summary>
    /// A help desk reset: a new password on an account DistrictOps manages, looked at first. False, with nothing written, when
    /// the entry is gone, does not carry the marker, or carries another person's source id. Active Directory: <c>unicodePwd</c>
    /// and <c>pwdLastSet</c> 0 in one change, so it must be changed at the next sign-in; LDAP: <c>userPassword</c> as {SSHA}.
    /// </summary>
    public bool ResetPassword(string dn, string sourceId, string password)
    {
        var marker = AccountShape.MarkerAttribute(target.Dialect);
        var source = AccountShape.SourceIdAttribute(target.Dialect);
        if (Find(dn, [marker, source]) is not { } entry || Value(entry, marker) != AccountShape.MarkerValue || Value(entry, source) != sourceId)
        {
            return false;
        }

        var request = new ModifyRequest(dn);
        if (Ad)
        {
            var unicodePwd = new DirectoryAttributeModification { Name = "unicodePwd", Operation = DirectoryAttributeOperation.Replace };
            unicodePwd.Add(Encoding.Unicode.GetBytes($"\"{password}\""));
            request.Modifications.Add(unicodePwd);
            request.Modifications.Add(Replace("pwdLastSet", "0"));
        }
        else
        {
            request.Modifications.Add(Replace("userPassword", Ssha(password)));
        }

        Send(request);
        return true;
    }

    public void Dispose() => connection.Dispose();

    private void Create(PlannedOperation operation, string password)
    {
        if (Find(operation.Dn) is not null)
        {
            return;
        }

        var attributes = operation.Changes.Where(c => c.Value is not null).Select(c => new DirectoryAttribute(c.Key, c.Value!)).ToList();
        attributes.Add(new DirectoryAttribute(AccountShape.MarkerAttribute(target.Dialect), AccountShape.MarkerValue));
        attributes.Add(new DirectoryAttribute(AccountShape.UsernameAttribute(target.Dialect), operation.Username!));
        if (Ad)
        {
            attributes.Add(new DirectoryAttribute("objectClass", "top", "person", "organizationalPerson", "user"));
            attributes.Add(new DirectoryAttribute("cn", operation.Username!));
            attributes.Add(new DirectoryAttribute("unicodePwd", Encoding.Unicode.GetBytes($"\"{password}\"")));
            attributes.Add(new DirectoryAttribute("userAccountControl", NormalAccount.ToString(CultureInfo.InvariantCulture)));
        }
        else
        {
            attributes.Add(new DirectoryAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", ShadowAccount));
            attributes.Add(new DirectoryAttribute("userPassword", Ssha(password)));
        }

        Send(new AddRequest(operation.Dn, [.. attributes]));
    }

    private void Modify(string dn, IReadOnlyDictionary<string, string?> changes)
    {
        var request = new ModifyRequest(dn);
        var current = Find(dn, [.. changes.Keys]);
        foreach (var (name, value) in changes)
        {
            var have = current is null ? null : Value(current, name);
            if (value is null && have is not null)
            {
                request.Modifications.Add(new DirectoryAttributeModification { Name = name, Operation = DirectoryAttributeOperation.Delete });
            }
            else if (value is not null && !string.Equals(have, value, StringComparison.Ordinal))
            {
                var modification = new DirectoryAttributeModification { Name = name, Operation = DirectoryAttributeOperation.Replace };
                modification.Add(value);
                request.Modifications.Add(modification);
            }
        }

        if (request.Modifications.Count > 0)
        {
            Send(request);
        }
    }

    private void SetDisabled(string dn, bool disabled)
    {
        var entry = Find(dn, ["userAccountControl", "shadowExpire", "objectClass"]) ?? throw new InvalidOperationException($"{dn} is not in the directory.");
        var request = new ModifyRequest(dn);
        if (Ad)
        {
            var uac = int.Parse(Value(entry, "userAccountControl") ?? "512", CultureInfo.InvariantCulture);
            var wanted = disabled ? uac | AccountDisable : uac & ~AccountDisable;
            if (wanted == uac)
            {
                return;
            }

            request.Modifications.Add(Replace("userAccountControl", wanted.ToString(CultureInfo.InvariantCulture)));
        }
        else
        {
            var isDisabled = Value(entry, "shadowExpire") is { } expire && expire != "-1";
            if (isDisabled == disabled)
            {
                return;
            }

            if (disabled && !Values(entry, "objectClass").Contains(ShadowAccount, StringComparer.OrdinalIgnoreCase))
            {
                var objectClass = new DirectoryAttributeModification { Name = "objectClass", Operation = DirectoryAttributeOperation.Add };
                objectClass.Add(ShadowAccount);
                request.Modifications.Add(objectClass);
            }

            request.Modifications.Add(disabled ? Replace("shadowExpire", "1")
                : new DirectoryAttributeModification { Name = "shadowExpire", Operation = DirectoryAttributeOperation.Delete });
        }

        Send(request);
    }

    private static DirectoryAttributeModification Replace(string name, string value)
    {
        var modification = new DirectoryAttributeModification { Name = name, Operation = DirectoryAttributeOperation.Replace };
        modification.Add(value);
        return modification;
    }

    private SearchResultEntry? Find(string dn, string[]? attributes = null)
    {
        try
        {
            var response = (SearchResponse)connection.SendRequest(new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, attributes ?? ["objectClass"]));
            return response.Entries.Count > 0 ? response.Entries[0] : null;
        }
        catch (DirectoryOperationException e) when (e.Response?.ResultCode == ResultCode.NoSuchObject)
        {
            return null;
        }
    }

    private List<SearchResultEntry> Search(string baseDn, string filter, string[] attributes)
    {
        var request = new SearchRequest(baseDn, filter, SearchScope.Subtree, attributes);
        var paging = new PageResultRequestControl(500);
        request.Controls.Add(paging);
        var entries = new List<SearchResultEntry>();
        while (true)
        {
            var response = (SearchResponse)connection.SendRequest(request);
            entries.AddRange(response.Entries.Cast<SearchResultEntry>());
            var next = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault();
            if (next is null || next.Cookie.Length == 0)
            {
                return entries;
            }

            paging.Cookie = next.Cookie;
        }
    }

    private void Send(DirectoryRequest request) => connection.SendRequest(request);

    private static string? Value(SearchResultEntry entry, string name) => Values(entry, name).FirstOrDefault();

    private static string[] Values(SearchResultEntry entry, string name)
    {
        foreach (string key in entry.Attributes.AttributeNames)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return (string[])entry.Attributes[key].GetValues(typeof(string));
            }
        }

        return [];
    }

    private static string OuName(string dn) => DistinguishedNames.Rdn(dn) is var rdn && rdn.IndexOf('=', StringComparison.Ordinal) is var i and >= 0 ? rdn[(i + 1)..].Replace("\\", "", StringComparison.Ordinal) : rdn;

    /// <summary>LDAP's salted SHA-1 scheme, which OpenLDAP checks without a module; a directory that hashes itself replaces it.</summary>
    private static string Ssha(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(8);
#pragma warning disable CA5350 // {SSHA} is the scheme every LDAP server understands; AD passwords go as unicodePwd instead.
        var hash = SHA1.HashData([.. Encoding.UTF8.GetBytes(password), .. salt]);
#pragma warning restore CA5350
        return "{SSHA}" + Convert.ToBase64String([.. hash, .. salt]);
    }
}
