using System.Globalization;

namespace DistrictOps.Web.Modules.Directory.Demo;

/// <summary>The CSV files of the package, open for writing, with the OneRoster 1.2 headers in spec order.</summary>
internal sealed class DemoPackage : IDisposable
{
    private long _roles;
    private long _enrollments;

    public DemoPackage(string directory)
    {
        AcademicSessions = new(directory, "academicSessions.csv",
            ["sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"]);
        Orgs = new(directory, "orgs.csv",
            ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId", Importing.OneRosterSpec.SiteTypeColumn]);
        Courses = new(directory, "courses.csv",
            ["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes"]);
        Classes = new(directory, "classes.csv",
            ["sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode", "classType", "location",
             "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods"]);
        Users = new(directory, "users.csv",
            ["sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName", "familyName", "middleName",
             "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password", "userMasterIdentifier", "resourceSourcedIds",
             "preferredGivenName", "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns"]);
        Roles = new(directory, "roles.csv",
            ["sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "orgSourcedId", "userProfileSourcedId", "beginDate", "endDate"]);
        Enrollments = new(directory, "enrollments.csv",
            ["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate"]);
        Demographics = new(directory, "demographics.csv",
            ["sourcedId", "status", "dateLastModified", "birthDate", "sex", "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
             "nativeHawaiianOrOtherPacificIslander", "white", "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity",
             "countryOfBirthCode", "stateOfBirthAbbreviation", "cityOfBirth", "publicSchoolResidenceStatus"]);
        Staff = new(directory, "hr/staff.csv",
            ["employeeId", "personSourcedId", "givenName", "familyName", "email", "positionTitle", "department", "siteSourcedIds", "status", "startDate", "endDate"]);
        Coverage = new(directory, "hr/coverage.csv", ["employeeId", "siteSourcedId", "share"]);
    }

    public CsvTable AcademicSessions { get; }

    public CsvTable Orgs { get; }

    public CsvTable Courses { get; }

    public CsvTable Classes { get; }

    public CsvTable Users { get; }

    public CsvTable Roles { get; }

    public CsvTable Enrollments { get; }

    public CsvTable Demographics { get; }

    public CsvTable Staff { get; }

    public CsvTable Coverage { get; }

    public IReadOnlyList<CsvTable> OneRosterTables => [AcademicSessions, Orgs, Courses, Classes, Users, Roles, Enrollments, Demographics];

    public static string Bool(bool value) => value ? "true" : "false";

    public void User(string sourcedId, string username, string givenName, string familyName, string? middleName, string? identifier,
        string email, string? agentSourcedIds, string? grades, string primaryOrgSourcedId) =>
        Users.Row(sourcedId, null, null, "true", username, null, givenName, familyName, middleName, identifier, email, null, null,
            agentSourcedIds, grades, null, null, null, null, null, null, primaryOrgSourcedId, null);

    public void Role(string userSourcedId, bool primary, string role, string orgSourcedId) =>
        Roles.Row(Sequence("rol-", ++_roles), null, null, userSourcedId, primary ? "primary" : "secondary", role, orgSourcedId, null, null, null);

    public void Enrollment(string classSourcedId, string schoolSourcedId, string userSourcedId, string role, bool primary, AcademicSession term) =>
        Enrollments.Row(Sequence("enr-", ++_enrollments), null, null, classSourcedId, schoolSourcedId, userSourcedId, role, Bool(primary),
            DemoSchoolYear.Format(term.Start), DemoSchoolYear.Format(term.End));

    public static string Sequence(string prefix, long number) => prefix + number.ToString("0000000", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var table in (IEnumerable<CsvTable>)[.. OneRosterTables, Staff, Coverage])
        {
            table.Dispose();
        }
    }
}
