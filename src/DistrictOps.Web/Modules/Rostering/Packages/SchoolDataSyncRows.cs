using System.Text.RegularExpressions;
using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.Web.Modules.Rostering.Packages;

/// <summary>
/// Microsoft School Data Sync v2.1 CSV (pure): its files and headers as Microsoft's published v2.1 samples write them, and
/// each record as a row. SDS takes no line breaks inside values (they become spaces), phone numbers only in E.164, and roles
/// from its own list; it syncs guardians through relationships.csv, which DistrictOps does not write, so guardians are left out.
/// SDS v2.1 files are always the whole set (there is no delta).
/// </summary>
public static partial class SchoolDataSyncRows
{
    public const string Orgs = "orgs.csv";
    public const string Users = "users.csv";
    public const string Roles = "roles.csv";
    public const string Classes = "classes.csv";
    public const string Courses = "courses.csv";
    public const string Enrollments = "enrollments.csv";
    public const string AcademicSessions = "academicSessions.csv";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Orgs] = ["sourcedId", "name", "type", "parentSourcedId"],
        [AcademicSessions] = ["sourcedId", "title", "type", "schoolYear", "startDate", "endDate"],
        [Courses] = ["sourcedId", "orgSourcedId", "title", "code", "schoolYearSourcedId", "subject", "grade"],
        [Classes] = ["sourcedId", "orgSourcedId", "title", "sessionSourcedIds", "courseSourcedId"],
        [Users] = ["sourcedId", "username", "givenName", "familyName", "password", "activeDirectoryMatchId", "email", "phone", "sms"],
        [Roles] = ["userSourcedId", "orgSourcedId", "role", "sessionSourcedId", "grade", "isPrimary", "roleStartDate", "roleEndDate"],
        [Enrollments] = ["classSourcedId", "userSourcedId", "role"],
    };

    /// <summary>The files in the order a package holds them (the ones others refer to first).</summary>
    public static readonly IReadOnlyList<string> Files = [Orgs, AcademicSessions, Courses, Classes, Users, Roles, Enrollments];

    /// <summary>A OneRoster 1.2 role in SDS's words; null for guardians, whom SDS v2.1 does not take as users with a role.</summary>
    public static string? Role(string role12) => role12 switch
    {
        "student" or "teacher" or "principal" or "proctor" => role12,
        "aide" => "teacherAssistant",
        "counselor" => "advisor",
        "districtAdministrator" or "siteAdministrator" or "systemAdministrator" => "administrator",
        _ => null,
    };

    public static bool IsGuardian(RosterUser user) => Role(user.RoleIn("1.2")) is null;

    public static string?[] Org(RosterOrg org) => [org.SourcedId, Flat(org.Name), org.TypeName, org.ParentSourcedId];

    public static string?[] Session(RosterSession s) =>
        [s.SourcedId, Flat(s.Title), s.Type, s.SchoolYear, RosterCsv.Date(s.StartDate), RosterCsv.Date(s.EndDate)];

    public static string?[] Course(RosterCourse c) =>
        [c.SourcedId, c.OrgSourcedId, Flat(c.Title), c.CourseCode, c.SchoolYearSourcedId, null, FirstOf(c.Grades)];

    public static string?[] Class(RosterClass c) => [c.SourcedId, c.SchoolSourcedId, Flat(c.Title), c.TermSourcedIds, c.CourseSourcedId];

    /// <summary>A user (masked): never a password; the phone only when it is an E.164 number.</summary>
    public static string?[] User(RosterUser u) =>
        [u.SourcedId, u.Username, Flat(u.GivenName), Flat(u.FamilyName), null, null, u.Email, u.Phone is { } phone && E164().IsMatch(phone) ? phone : null, null];

    public static IEnumerable<string?[]> RolesOf(RosterUser user, UserOrgs orgs)
    {
        foreach (var role in orgs.Roles)
        {
            if (Role(role.Role) is { } sds)
            {
                yield return [user.SourcedId, role.OrgSourcedId, sds, null, sds == "student" ? FirstOf(user.Grades) : null, RosterCsv.Bool(role == orgs.PrimaryRole), null, null];
            }
        }
    }

    public static string?[]? Enrollment(RosterEnrollment e) => Role(OneRosterRoles.In("1.2", e.Role)) is { } role ? [e.ClassSourcedId, e.UserSourcedId, role] : null;

    /// <summary>The first of a comma-separated list (SDS takes one grade).</summary>
    public static string? FirstOf(string? list) => list?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    public static string? Flat(string? value) => value?.ReplaceLineEndings(" ");

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$")]
    private static partial Regex E164();
}
