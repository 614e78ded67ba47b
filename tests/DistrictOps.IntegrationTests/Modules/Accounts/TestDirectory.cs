using System.DirectoryServices.Protocols;
using System.Net;
using DistrictOps.Web.Modules.Accounts;

namespace DistrictOps.IntegrationTests.Modules.Accounts;

/// <summary>
/// The test classes that make accounts in the directory servers run one after another (other tests still run beside
/// them): Active Directory keeps a username (sAMAccountName) unique in the whole domain, not per OU, so two classes making
/// kid1.garcia at once would collide.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DirectoryServersGroup
{
    public const string Name = "Directory servers";
}

/// <summary>
/// One of the directory servers scripts/test starts (a Samba AD domain controller, an OpenLDAP slapd), seen through an OU of
/// the test's own, made here and removed after. Reads use a connection bound as the server's administrator, independent of
/// the code under test. Test classes that use it take turns (<see cref="DirectoryServersGroup"/>).
/// </summary>
public sealed class TestDirectory : IDisposable
{
    private readonly Dictionary<string, string> settings;

    private TestDirectory(DirectoryDialect dialect, Dictionary<string, string> settings)
    {
        (Dialect, this.settings) = (dialect, settings);
        Connection = Connect(settings["BindDn"], settings["Password"]);
        var ou = $"t{Guid.NewGuid():N}"[..12];
        BaseDn = $"{(Ad ? "OU" : "ou")}={ou},{settings["BaseDn"]}";
        Connection.SendRequest(new AddRequest(BaseDn, new DirectoryAttribute("objectClass", "top", "organizationalUnit"), new DirectoryAttribute("ou", ou)));
    }

    public DirectoryDialect Dialect { get; }

    public string BaseDn { get; }

    public LdapConnection Connection { get; }

    private bool Ad => Dialect == DirectoryDialect.ActiveDirectory;

    /// <summary>The Samba AD DC: <c>DISTRICTOPS_TEST_AD</c>.</summary>
    public static TestDirectory ActiveDirectory() => Open("DISTRICTOPS_TEST_AD", DirectoryDialect.ActiveDirectory);

    /// <summary>The OpenLDAP slapd: <c>DISTRICTOPS_TEST_LDAP</c>.</summary>
    public static TestDirectory Ldap() => Open("DISTRICTOPS_TEST_LDAP", DirectoryDialect.Ldap);

    /// <summary>Settings for <c>Accounts:Targets:{index}</c> pointing at this test's OU, with the given policy keys (Kinds:0 = Student, …).</summary>
    public Dictionary<string, string?> Target(int index, string name, params (string Key, string Value)[] policy)
    {
        var prefix = $"Accounts:Targets:{index}:";
        var values = new Dictionary<string, string?>
        {
            [prefix + "Name"] = name, [prefix + "Dialect"] = Dialect.ToString(), [prefix + "Url"] = settings["Url"], [prefix + "BindDn"] = settings["BindDn"],
            [prefix + "BindPassword"] = settings["Password"], [prefix + "BaseDn"] = BaseDn, [prefix + "TrustedCertificates"] = settings.GetValueOrDefault("TrustedCertificates"),
        };
        foreach (var (key, value) in policy)
        {
            values[prefix + key] = value;
        }

        return values;
    }

    /// <summary>Every user account under the test's OU: DN → its attributes (first value each, names in lower case).</summary>
    public Dictionary<string, Dictionary<string, string>> Users()
    {
        var request = new SearchRequest(BaseDn, Ad ? "(&(objectClass=user)(!(objectClass=computer)))" : "(objectClass=inetOrgPerson)", SearchScope.Subtree);
        var response = (SearchResponse)Connection.SendRequest(request);
        return response.Entries.Cast<SearchResultEntry>().ToDictionary(e => e.DistinguishedName, e => e.Attributes.AttributeNames.Cast<string>()
            .ToDictionary(n => n.ToLowerInvariant(), n => e.Attributes[n].GetValues(typeof(string)).Cast<string>().First()), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every group under the test's OU: its name → its members' usernames (the value of each member's first RDN), and whether it carries the marker.</summary>
    public Dictionary<string, (string Dn, SortedSet<string> Members, bool Managed)> Groups()
    {
        var (filter, name, marker) = Ad ? ("(objectClass=group)", "sAMAccountName", "adminDescription") : ("(objectClass=groupOfNames)", "cn", "businessCategory");
        var response = (SearchResponse)Connection.SendRequest(new SearchRequest(BaseDn, filter, SearchScope.Subtree, name, "member", marker));
        return response.Entries.Cast<SearchResultEntry>().ToDictionary(
            e => Values(e, name).Single(),
            e => (e.DistinguishedName, new SortedSet<string>(Values(e, "member").Select(m => m.Split(',')[0].Split('=', 2)[1]), StringComparer.OrdinalIgnoreCase),
                Values(e, marker).SingleOrDefault() == "Managed by DistrictOps"),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The user whose username (sAMAccountName, uid) is <paramref name="username"/>.</summary>
    public (string Dn, Dictionary<string, string> Attributes) User(string username) =>
        Users().Single(u => string.Equals(u.Value.GetValueOrDefault(Ad ? "samaccountname" : "uid"), username, StringComparison.OrdinalIgnoreCase)) is var (dn, attributes) ? (dn, attributes) : default;

    public void Add(string dn, params (string Name, string Value)[] attributes) =>
        Connection.SendRequest(new AddRequest(dn, [.. attributes.GroupBy(a => a.Name).Select(g => new DirectoryAttribute(g.Key, g.Select(a => (object)a.Value).ToArray()))]));

    /// <summary>Whether the account's password works: a simple bind as it, over the same transport the sync uses.</summary>
    public bool CanSignIn(string dn, string password)
    {
        try
        {
            using var connection = Connect(dn, password);
            return true;
        }
        catch (LdapException)
        {
            return false;
        }
    }

    /// <summary>
    /// Why a bind as the account with this password fails, in the server's words, or null when it succeeds. Active
    /// Directory (and Samba) answer a right password that must be changed first with "data 773", a wrong one with "data 52e".
    /// </summary>
    public string? SignInRefusal(string dn, string password)
    {
        try
        {
            using var connection = Connect(dn, password);
            return null;
        }
        catch (LdapException e)
        {
            return e.ServerErrorMessage ?? e.Message;
        }
    }

    public void Dispose()
    {
        try
        {
            DeleteTree(BaseDn);
        }
        catch (DirectoryOperationException)
        {
            // The servers are thrown away with the test run; a leftover OU harms no other test.
        }

        Connection.Dispose();
    }

    private static string[] Values(SearchResultEntry entry, string name) =>
        entry.Attributes.AttributeNames.Cast<string>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } key
            ? (string[])entry.Attributes[key].GetValues(typeof(string)) : [];

    private static TestDirectory Open(string variable, DirectoryDialect dialect)
    {
        var text = Environment.GetEnvironmentVariable(variable)
            ?? throw new InvalidOperationException($"{variable} is not set: run the tests with scripts/test, which starts the directory servers.");
        var settings = text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return new TestDirectory(dialect, settings);
    }

    private LdapConnection Connect(string dn, string password)
    {
        var url = new Uri(settings["Url"]);
        var connection = new LdapConnection(new LdapDirectoryIdentifier(url.Host, url.Port), new NetworkCredential(dn, password), AuthType.Basic);
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.SecureSocketLayer = url.Scheme == "ldaps";
        connection.Bind();
        return connection;
    }

    private void DeleteTree(string dn)
    {
        var children = (SearchResponse)Connection.SendRequest(new SearchRequest(dn, "(objectClass=*)", SearchScope.OneLevel, "1.1"));
        foreach (var child in children.Entries.Cast<SearchResultEntry>())
        {
            DeleteTree(child.DistinguishedName);
        }

        Connection.SendRequest(new DeleteRequest(dn));
    }
}
