using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;

public enum OneRosterVersion
{
    V1p1,
    V1p2,
}

/// <summary>Where each version lives, and the words that differ between them.</summary>
public static class OneRosterVersions
{
    public const string BasePath11 = "/ims/oneroster/v1p1";
    public const string BasePath12 = "/ims/oneroster/rostering/v1p2";

    private static readonly string[] Administrators12 = ["counselor", "districtAdministrator", "principal", "siteAdministrator", "systemAdministrator"];

    public static string BasePath(this OneRosterVersion version) => version == OneRosterVersion.V1p1 ? BasePath11 : BasePath12;

    public static string Label(this OneRosterVersion version) => version == OneRosterVersion.V1p1 ? "1.1" : "1.2";

    /// <summary>A user's role in 1.1's words: 1.2's administrative roles (counselor, principal…) are 1.1's administrator.</summary>
    public static readonly Expression<Func<RosterUser, string>> UserRole11 = u =>
        u.SourceRole == "counselor" || u.SourceRole == "districtAdministrator" || u.SourceRole == "principal"
        || u.SourceRole == "siteAdministrator" || u.SourceRole == "systemAdministrator" ? "administrator" : u.SourceRole;

    /// <summary>A user's role in 1.2's words: 1.1's administrator is a site administrator; every other 1.1 role is also 1.2's.</summary>
    public static readonly Expression<Func<RosterUser, string>> UserRole12 = u => u.SourceRole == "administrator" ? "siteAdministrator" : u.SourceRole;

    public static string Role11(string role) => Administrators12.Contains(role, StringComparer.Ordinal) ? "administrator" : role;

    public static string Role12(string role) => role == "administrator" ? "siteAdministrator" : role;

    /// <summary>1.2's enrollments know administrator, proctor, student and teacher; another role goes out as an extension (<c>ext:aide</c>).</summary>
    public static string EnrollmentRole(this OneRosterVersion version, string role) =>
        version == OneRosterVersion.V1p1 || role is "administrator" or "proctor" or "student" or "teacher" ? role : "ext:" + role;

    /// <summary>The sort error's code: 1.1 has its own, 1.2 calls every bad query parameter a selection error.</summary>
    public static string InvalidSort(this OneRosterVersion version) => version == OneRosterVersion.V1p1 ? "invalid_sort_field" : "invalid_selection_field";

    public static string Instant(DateTimeOffset? at) =>
        (at ?? DateTimeOffset.UnixEpoch).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>OneRoster's JSON binding writes booleans as the strings "true" and "false", in both versions.</summary>
    public static void WriteFlag(this Utf8JsonWriter json, string name, bool value) => json.WriteString(name, value ? "true" : "false");
}
