namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>The OneRoster 1.1 and 1.2 CSV files DistrictOps reads, their columns in spec order, and their value sets.</summary>
public static class OneRosterSpec
{
    public const string AcademicSessions = "academicSessions.csv";
    public const string Orgs = "orgs.csv";
    public const string Courses = "courses.csv";
    public const string Classes = "classes.csv";
    public const string Users = "users.csv";
    public const string Roles = "roles.csv";
    public const string Enrollments = "enrollments.csv";
    public const string Demographics = "demographics.csv";
    public const string Manifest = "manifest.csv";

    private static readonly string[] Common = ["sourcedId", "status", "dateLastModified"];

    private static readonly Dictionary<string, string[]> Shared = new(StringComparer.Ordinal)
    {
        [AcademicSessions] = [.. Common, "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"],
        [Orgs] = [.. Common, "name", "type", "identifier", "parentSourcedId"],
        [Courses] = [.. Common, "schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes"],
        [Classes] = [.. Common, "title", "grades", "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods"],
        [Enrollments] = [.. Common, "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate"],
        [Demographics] = [.. Common, "birthDate", "sex", "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white", "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity", "countryOfBirthCode", "stateOfBirthAbbreviation", "cityOfBirth", "publicSchoolResidenceStatus"],
    };

    private static readonly string[] Users11 =
        [.. Common, "enabledUser", "orgSourcedIds", "role", "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password"];

    private static readonly string[] Users12 =
        [.. Common, "enabledUser", "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName", "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns"];

    private static readonly string[] Roles12 = [.. Common, "userSourcedId", "roleType", "role", "orgSourcedId", "userProfileSourcedId", "beginDate", "endDate"];

    /// <summary>
    /// The site type a SIS may declare per org (an extension column, as OneRoster allows): Elementary, Middle, High, Alternative,
    /// Administrative or Other. DistrictOps otherwise derives it from the grades of the site's students.
    /// </summary>
    public const string SiteTypeColumn = "metadata.districtops.siteType";

    public static readonly IReadOnlyList<string> DeclarableSiteTypes = ["Elementary", "Middle", "High", "Alternative", "Administrative", "Other"];

    /// <summary>Columns some 1.2 exporters leave out; accepted when missing.</summary>
    public static readonly IReadOnlySet<string> OptionalColumns = new HashSet<string>(StringComparer.Ordinal) { "resourceSourcedIds", "userProfileSourcedId" };

    /// <summary>The files DistrictOps imports, in the order references need them.</summary>
    public static readonly IReadOnlyList<string> ImportOrder = [Orgs, AcademicSessions, Courses, Classes, Roles, Users, Demographics, Enrollments];

    public static IReadOnlyList<string>? Columns(string version, string file) => (version, file) switch
    {
        ("1.1", Users) => Users11,
        ("1.2", Users) => Users12,
        ("1.2", Roles) => Roles12,
        ("1.1", Roles) => null,
        _ => Shared.GetValueOrDefault(file),
    };

    public static readonly IReadOnlyList<string> SessionTypes = ["gradingPeriod", "semester", "schoolYear", "term"];
    public static readonly IReadOnlyList<string> OrgTypes = ["department", "school", "district", "local", "state", "national"];
    public static readonly IReadOnlyList<string> ClassTypes = ["homeroom", "scheduled"];
    public static readonly IReadOnlyList<string> UserRoles11 = ["administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"];
    public static readonly IReadOnlyList<string> UserRoles12 =
        ["aide", "counselor", "districtAdministrator", "guardian", "parent", "principal", "proctor", "relative", "siteAdministrator", "student", "systemAdministrator", "teacher"];
    public static readonly IReadOnlyList<string> RoleTypes = ["primary", "secondary"];
    public static readonly IReadOnlyList<string> EnrollmentRoles = ["administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"];
    public static readonly IReadOnlyList<string> Sexes = ["male", "female", "other", "unspecified"];
    public static readonly IReadOnlyList<string> Grades =
        ["IT", "PR", "PK", "TK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "PS", "UG", "Other"];
    public static readonly IReadOnlyList<string> Statuses = ["active", "tobedeleted"];
}
