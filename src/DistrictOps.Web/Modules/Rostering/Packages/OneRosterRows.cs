using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.Web.Modules.Rostering.Packages;

/// <summary>
/// Each OneRoster record as the fields of its CSV row, in the spec's column order (pure). A bulk row leaves status and
/// dateLastModified blank; a delta row says active or tobedeleted and when the row last changed, and a tobedeleted row
/// carries nothing else (a roles.csv row its user and org, which the import needs to find it). Records come masked.
/// </summary>
public sealed class OneRosterRows(string version, bool delta)
{
    public string Version { get; } = version;

    public bool Delta { get; } = delta;

    public IReadOnlyList<string> Columns(string file) => OneRosterFiles.Columns(Version, file) ?? throw new InvalidOperationException($"OneRoster {Version} has no {file}.");

    private string?[] Row(string file, RosterRecord record, DateTimeOffset? modifiedAt = null)
    {
        var row = new string?[Columns(file).Count];
        row[0] = record.SourcedId;
        if (Delta)
        {
            row[1] = record.Left ? "tobedeleted" : "active";
            row[2] = RosterCsv.Instant(modifiedAt ?? record.ModifiedAt);
        }

        return row;
    }

    private static string?[] Fill(string?[] row, params string?[] rest)
    {
        rest.CopyTo(row, 3);
        return row;
    }

    public string?[] Org(RosterOrg org) => org.Left && Delta ? Row(OneRosterFiles.Orgs, org)
        : Fill(Row(OneRosterFiles.Orgs, org), org.Name, org.TypeName, org.Identifier, org.ParentSourcedId);

    public string?[] Session(RosterSession session) => session.Left && Delta ? Row(OneRosterFiles.AcademicSessions, session)
        : Fill(Row(OneRosterFiles.AcademicSessions, session), session.Title, session.Type, RosterCsv.Date(session.StartDate), RosterCsv.Date(session.EndDate),
            session.ParentSourcedId, session.SchoolYear);

    public string?[] Course(RosterCourse course) => course.Left && Delta ? Row(OneRosterFiles.Courses, course)
        : Fill(Row(OneRosterFiles.Courses, course), course.SchoolYearSourcedId, course.Title, course.CourseCode, course.Grades, course.OrgSourcedId, course.Subjects, null);

    public string?[] Class(RosterClass cls) => cls.Left && Delta ? Row(OneRosterFiles.Classes, cls)
        : Fill(Row(OneRosterFiles.Classes, cls), cls.Title, cls.Grades, cls.CourseSourcedId, cls.ClassCode, cls.ClassType, cls.Location, cls.SchoolSourcedId,
            cls.TermSourcedIds, cls.Subjects, null, cls.Periods);

    public string?[] Enrollment(RosterEnrollment enrollment) => enrollment.Left && Delta ? Row(OneRosterFiles.Enrollments, enrollment)
        : Fill(Row(OneRosterFiles.Enrollments, enrollment), enrollment.ClassSourcedId, enrollment.SchoolSourcedId, enrollment.UserSourcedId, enrollment.Role,
            RosterCsv.Bool(enrollment.Primary), RosterCsv.Date(enrollment.BeginDate), RosterCsv.Date(enrollment.EndDate));

    public string?[] Demographics(RosterDemographics d) => d.Left && Delta ? Row(OneRosterFiles.Demographics, d)
        : Fill(Row(OneRosterFiles.Demographics, d), RosterCsv.Date(d.BirthDate), d.Sex, RosterCsv.Bool(d.AmericanIndianOrAlaskaNative), RosterCsv.Bool(d.Asian),
            RosterCsv.Bool(d.BlackOrAfricanAmerican), RosterCsv.Bool(d.NativeHawaiianOrOtherPacificIslander), RosterCsv.Bool(d.White), RosterCsv.Bool(d.TwoOrMoreRaces),
            RosterCsv.Bool(d.HispanicOrLatinoEthnicity), d.CountryOfBirthCode, d.StateOfBirthAbbreviation, d.CityOfBirth, d.PublicSchoolResidenceStatus);

    /// <summary>A user removed from the app: a removed person, or one who left the agreement's scope (sent tobedeleted as of <paramref name="at"/>).</summary>
    public string?[] RemovedUser(RosterUser user, DateTimeOffset? at) => Row(OneRosterFiles.Users, user with { Left = true }, at);

    /// <summary>A current user (masked), with the orgs and roles the package holds (<see cref="UserOrgs"/>).</summary>
    public string?[] User(RosterUser user, UserOrgs orgs, IReadOnlyList<string> agents)
    {
        var row = Row(OneRosterFiles.Users, user);
        var enabled = RosterCsv.Bool(user.EnabledUser);
        var agentList = RosterCsv.List(agents);
        return Version == "1.1"
            ? Fill(row, enabled, RosterCsv.List(orgs.PrimaryFirst), user.RoleIn("1.1"), user.Username, null, user.GivenName, user.FamilyName, user.MiddleName,
                user.Identifier, user.Email, null, user.Phone, agentList, user.Grades, null)
            : Fill(row, enabled, user.Username, null, user.GivenName, user.FamilyName, user.MiddleName, user.Identifier, user.Email, null, user.Phone, agentList,
                user.Grades, null, null, null, user.PreferredGivenName, null, user.PreferredFamilyName, orgs.Primary, null);
    }

    /// <summary>1.2: the user's roles.csv rows, one per org and role, sourcedId "user:org:role", the role at the primary org primary.</summary>
    public IEnumerable<string?[]> Roles(RosterUser user, UserOrgs orgs)
    {
        foreach (var role in orgs.Roles)
        {
            var row = Row(OneRosterFiles.Roles, user with { SourcedId = $"{user.SourcedId}:{role.OrgSourcedId}:{role.Role}" });
            yield return Fill(row, user.SourcedId, role == orgs.PrimaryRole ? "primary" : "secondary", role.Role, role.OrgSourcedId, null, null, null);
        }
    }
}

/// <summary>
/// The orgs and roles of a user as a package holds them: only orgs in the package, the primary org (theirs if the package
/// holds it, else the first), and each role in the version's words. Pure.
/// </summary>
public sealed record UserOrgs(IReadOnlyList<string> Orgs, string? Primary, IReadOnlyList<RosterOrgRole> Roles, RosterOrgRole? PrimaryRole)
{
    public IReadOnlyList<string> PrimaryFirst => Primary is null ? Orgs : [Primary, .. Orgs.Where(o => o != Primary)];

    public static UserOrgs Of(RosterUser user, RosterUserLinks? links, IReadOnlySet<string> packageOrgs, string version)
    {
        var orgs = (links?.OrgSourcedIds ?? []).Where(packageOrgs.Contains).ToList();
        if (orgs.Count == 0 && user.PrimaryOrgSourcedId is { } own && packageOrgs.Contains(own))
        {
            orgs.Add(own);
        }

        var primary = user.PrimaryOrgSourcedId is { } p && orgs.Contains(p) ? p : orgs.FirstOrDefault();
        var userRole = user.RoleIn(version);
        var held = (links?.Roles ?? []).Select(r => r with { Role = OneRosterRoles.In(version, r.Role) }).ToLookup(r => r.OrgSourcedId);

        // One role per org: the user's own role where they hold it there, else the first the source gave.
        var roles = orgs.Order(StringComparer.Ordinal)
            .Select(org => held[org].FirstOrDefault(r => r.Role == userRole) ?? held[org].FirstOrDefault() ?? new RosterOrgRole(org, userRole))
            .ToList();
        var primaryRole = roles.FirstOrDefault(r => r.OrgSourcedId == primary);
        return new UserOrgs(orgs, primary, roles, primaryRole);
    }
}
