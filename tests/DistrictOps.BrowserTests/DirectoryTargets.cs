using System.DirectoryServices.Protocols;
using System.Net;

namespace DistrictOps.BrowserTests;

/// <summary>
/// Account targets for the browser tests' app: one per screen width, each in an OU of its own on the Samba AD domain
/// controller scripts/test starts (<c>DISTRICTOPS_TEST_AD</c>), so the two widths' plans do not meet. Administrators only:
/// a handful of accounts. Each width also has a target for the password reset test (<see cref="ResetName"/>).
/// </summary>
internal static class DirectoryTargets
{
    public static readonly int[] Widths = [1366, 390];

    public static string Name(int width) => $"Admins{width}";

    /// <summary>
    /// The password reset test's own target per width (the district office's administrators only), which it applies
    /// itself, so the accounts test still finds its targets' plans untouched.
    /// </summary>
    public static string ResetName(int width) => $"Resets{width}";

    public static Dictionary<string, string?> Settings()
    {
        var text = Environment.GetEnvironmentVariable("DISTRICTOPS_TEST_AD")
            ?? throw new InvalidOperationException("DISTRICTOPS_TEST_AD is not set: run the tests with scripts/test, which starts the directory servers.");
        var server = text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var url = new Uri(server["Url"]);
        using var connection = new LdapConnection(new LdapDirectoryIdentifier(url.Host, url.Port), new NetworkCredential(server["BindDn"], server["Password"]), AuthType.Basic);
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.SecureSocketLayer = url.Scheme == "ldaps";
        connection.Bind();
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < Widths.Length; i++)
        {
            var ou = $"b{Widths[i]}{Guid.NewGuid():N}"[..14];
            var baseDn = $"OU={ou},{server["BaseDn"]}";
            connection.SendRequest(new AddRequest(baseDn, new DirectoryAttribute("objectClass", "top", "organizationalUnit"), new DirectoryAttribute("ou", ou)));
            var prefix = $"Accounts:Targets:{i}:";
            settings[prefix + "Name"] = Name(Widths[i]);
            settings[prefix + "Dialect"] = "ActiveDirectory";
            settings[prefix + "Url"] = server["Url"];
            settings[prefix + "BindDn"] = server["BindDn"];
            settings[prefix + "BindPassword"] = server["Password"];
            settings[prefix + "BaseDn"] = baseDn;
            settings[prefix + "Kinds:0"] = "Administrator";
            settings[prefix + "OuTemplate"] = "OU={site},OU=Staff";

            var resets = $"Accounts:Targets:{Widths.Length + i}:";
            foreach (var key in new[] { "Dialect", "Url", "BindDn", "BindPassword", "Kinds:0", "OuTemplate" })
            {
                settings[resets + key] = settings[prefix + key];
            }

            var resetOu = $"r{Widths[i]}{Guid.NewGuid():N}"[..14];
            connection.SendRequest(new AddRequest($"OU={resetOu},{server["BaseDn"]}", new DirectoryAttribute("objectClass", "top", "organizationalUnit"), new DirectoryAttribute("ou", resetOu)));
            settings[resets + "Name"] = ResetName(Widths[i]);
            settings[resets + "BaseDn"] = $"OU={resetOu},{server["BaseDn"]}";
            settings[resets + "Sites:0"] = "org-district-office";
        }

        return settings;
    }
}
