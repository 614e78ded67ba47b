using DistrictOps.Web.Modules.Directory.Data;

namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>A validated row of a OneRoster file, reduced to what DistrictOps keeps.</summary>
internal abstract record Row(string SourcedId, bool Deleted, int Line)
{
    public abstract long Hash { get; }
}

internal sealed record OrgRow(string SourcedId, bool Deleted, int Line, string Name, OrgType Type, string? Identifier, string? ParentSourcedId, SiteType? SiteType = null)
    : Row(SourcedId, Deleted, Line)
{
    // Without a declared site type the hash is the one stored before the column existed, so those rows stay unchanged.
    public override long Hash => SiteType is { } declared ? ContentHash.Of(Name, Type, Identifier, ParentSourcedId, declared) : ContentHash.Of(Name, Type, Identifier, ParentSourcedId);

    public IReadOnlyList<string> ApplyTo(Site site)
    {
        var c = new FieldChanges();
        site.Name = c.Set("name", site.Name, Name);
        site.OrgType = c.Set("type", site.OrgType, Type);
        site.Identifier = c.Set("identifier", site.Identifier, Identifier);
        site.ParentSourcedId = c.Set("parent", site.ParentSourcedId, ParentSourcedId);
        site.DeclaredType = c.Set("siteType", site.DeclaredType, SiteType);
        site.ContentHash = Hash;
        return c.Names;
    }
}

internal sealed record SessionRow(string SourcedId, bool Deleted, int Line, string Title, string Type, DateOnly StartDate, DateOnly EndDate, string? ParentSourcedId, string SchoolYear)
    : Row(SourcedId, Deleted, Line)
{
    public override long Hash => ContentHash.Of(Title, Type, StartDate, EndDate, ParentSourcedId, SchoolYear);

    public IReadOnlyList<string> ApplyTo(AcademicSession s)
    {
        var c = new FieldChanges();
        s.Title = c.Set("title", s.Title, Title);
        s.Type = c.Set("type", s.Type, Type);
        s.StartDate = c.Set("startDate", s.StartDate, StartDate);
        s.EndDate = c.Set("endDate", s.EndDate, EndDate);
        s.ParentSourcedId = c.Set("parent", s.ParentSourcedId, ParentSourcedId);
        s.SchoolYear = c.Set("schoolYear", s.SchoolYear, SchoolYear);
        s.ContentHash = Hash;
        return c.Names;
    }
}

internal sealed record CourseRow(string SourcedId, bool Deleted, int Line, string Title, string? CourseCode, string? Grades, string? Subjects, string? SchoolYearSourcedId, string OrgSourcedId)
    : Row(SourcedId, Deleted, Line)
{
    public override long Hash => ContentHash.Of(Title, CourseCode, Grades, Subjects, SchoolYearSourcedId, OrgSourcedId);

    public IReadOnlyList<string> ApplyTo(Course course, Guid siteId)
    {
        var c = new FieldChanges();
        course.Title = c.Set("title", course.Title, Title);
        course.CourseCode = c.Set("courseCode", course.CourseCode, CourseCode);
        course.Grades = c.Set("grades", course.Grades, Grades);
        course.Subjects = c.Set("subjects", course.Subjects, Subjects);
        course.SchoolYearSourcedId = c.Set("schoolYear", course.SchoolYearSourcedId, SchoolYearSourcedId);
        course.SiteId = c.Set("org", course.SiteId, siteId);
        course.ContentHash = Hash;
        return c.Names;
    }
}

internal sealed record ClassRow(
    string SourcedId, bool Deleted, int Line, string Title, string? Grades, string CourseSourcedId, string? ClassCode, string ClassType,
    string? Location, string SchoolSourcedId, string TermSourcedIds, string? Subjects, string? Periods)
    : Row(SourcedId, Deleted, Line)
{
    public override long Hash => ContentHash.Of(Title, Grades, CourseSourcedId, ClassCode, ClassType, Location, SchoolSourcedId, TermSourcedIds, Subjects, Periods);

    public IReadOnlyList<string> ApplyTo(ClassSection s, Guid courseId, Guid siteId)
    {
        var c = new FieldChanges();
        s.Title = c.Set("title", s.Title, Title);
        s.Grades = c.Set("grades", s.Grades, Grades);
        s.CourseId = c.Set("course", s.CourseId, courseId);
        s.ClassCode = c.Set("classCode", s.ClassCode, ClassCode);
        s.ClassType = c.Set("classType", s.ClassType, ClassType);
        s.Location = c.Set("location", s.Location, Location);
        s.SiteId = c.Set("school", s.SiteId, siteId);
        s.TermSourcedIds = c.Set("terms", s.TermSourcedIds, TermSourcedIds);
        s.Subjects = c.Set("subjects", s.Subjects, Subjects);
        s.Periods = c.Set("periods", s.Periods, Periods);
        s.ContentHash = Hash;
        return c.Names;
    }
}

/// <summary>A role a user holds at an org (1.2 roles.csv, or 1.1 users.role with orgSourcedIds).</summary>
internal sealed record OrgRole(string OrgSourcedId, string Role, bool Primary)
{
    /// <summary>The primary role, else the first; null for none.</summary>
    public static OrgRole? PrimaryOf(IReadOnlyList<OrgRole> roles) => roles.FirstOrDefault(o => o.Primary) ?? (roles.Count > 0 ? roles[0] : null);

    /// <summary>The order a user's roles are hashed and compared in.</summary>
    public static List<OrgRole> Sorted(IEnumerable<OrgRole> roles) =>
        roles.OrderBy(o => o.OrgSourcedId, StringComparer.Ordinal).ThenBy(o => o.Role, StringComparer.Ordinal).ThenBy(o => o.Primary).ToList();
}

internal sealed record UserRow(
    string SourcedId, bool Deleted, int Line, bool EnabledUser, string Role, PersonKind Kind, string GivenName, string FamilyName, string? MiddleName,
    string? PreferredGivenName, string? PreferredFamilyName, string? Username, string? Email, string? Identifier, string? Phone, string? Grades,
    string? PrimaryOrgSourcedId, IReadOnlyList<OrgRole> Orgs, IReadOnlyList<string> Agents)
    : Row(SourcedId, Deleted, Line)
{
    public override long Hash => ContentHash.Of(
        EnabledUser, Role, GivenName, FamilyName, MiddleName, PreferredGivenName, PreferredFamilyName, Username, Email, Identifier, Phone, Grades,
        PrimaryOrgSourcedId, Orgs.Select(o => $"{o.OrgSourcedId}:{o.Role}:{o.Primary}"), Agents);

    /// <summary>A stored person as their users.csv row reads, with the roles a delta gives them.</summary>
    public static UserRow WithRoles(Person p, int line, IReadOnlyList<OrgRole> orgs, string? primaryOrg, IReadOnlyList<string> agents)
    {
        var role = OrgRole.PrimaryOf(orgs)!.Role;
        return new UserRow(p.SourcedId, false, line, p.EnabledUser, role, RowParser.KindOf(role), p.GivenName, p.FamilyName, p.MiddleName,
            p.PreferredGivenName, p.PreferredFamilyName, p.Username, p.Email, p.Identifier, p.Phone, p.Grades, primaryOrg, OrgRole.Sorted(orgs), agents);
    }

    public IReadOnlyList<string> ApplyTo(Person p, Guid? primarySiteId)
    {
        var c = new FieldChanges();
        p.EnabledUser = c.Set("enabledUser", p.EnabledUser, EnabledUser);
        p.SourceRole = c.Set("role", p.SourceRole, Role);
        p.Kind = c.Set("kind", p.Kind, Kind);
        p.GivenName = c.Set("givenName", p.GivenName, GivenName);
        p.FamilyName = c.Set("familyName", p.FamilyName, FamilyName);
        p.MiddleName = c.Set("middleName", p.MiddleName, MiddleName);
        p.PreferredGivenName = c.Set("preferredGivenName", p.PreferredGivenName, PreferredGivenName);
        p.PreferredFamilyName = c.Set("preferredFamilyName", p.PreferredFamilyName, PreferredFamilyName);
        p.Username = c.Set("username", p.Username, Username);
        p.Email = c.Set("email", p.Email, Email);
        p.Identifier = c.Set("identifier", p.Identifier, Identifier);
        p.Phone = c.Set("phone", p.Phone, Phone);
        p.Grades = c.Set("grades", p.Grades, Grades);
        p.PrimarySiteId = c.Set("primaryOrg", p.PrimarySiteId, primarySiteId);
        p.SortName = $"{FamilyName} {GivenName}".ToUpperInvariant();
        if (p.ContentHash != Hash && c.Names.Count == 0)
        {
            c.Mark("sites or guardians");
        }

        p.ContentHash = Hash;
        return c.Names;
    }
}

internal sealed record DemographicsRow(
    string SourcedId, bool Deleted, int Line, DateOnly? BirthDate, string? Sex, bool? AmericanIndian, bool? Asian, bool? Black, bool? PacificIslander,
    bool? White, bool? TwoOrMore, bool? Hispanic, string? CountryOfBirth, string? StateOfBirth, string? CityOfBirth, string? ResidenceStatus)
    : Row(SourcedId, Deleted, Line)
{
    public override long Hash => ContentHash.Of(BirthDate, Sex, AmericanIndian, Asian, Black, PacificIslander, White, TwoOrMore, Hispanic, CountryOfBirth, StateOfBirth, CityOfBirth, ResidenceStatus);

    public IReadOnlyList<string> ApplyTo(Demographics d)
    {
        var c = new FieldChanges();
        d.BirthDate = c.Set("birthDate", d.BirthDate, BirthDate);
        d.Sex = c.Set("sex", d.Sex, Sex);
        d.AmericanIndianOrAlaskaNative = c.Set("race", d.AmericanIndianOrAlaskaNative, AmericanIndian);
        d.Asian = c.Set("race", d.Asian, Asian);
        d.BlackOrAfricanAmerican = c.Set("race", d.BlackOrAfricanAmerican, Black);
        d.NativeHawaiianOrOtherPacificIslander = c.Set("race", d.NativeHawaiianOrOtherPacificIslander, PacificIslander);
        d.White = c.Set("race", d.White, White);
        d.TwoOrMoreRaces = c.Set("race", d.TwoOrMoreRaces, TwoOrMore);
        d.HispanicOrLatinoEthnicity = c.Set("ethnicity", d.HispanicOrLatinoEthnicity, Hispanic);
        d.CountryOfBirthCode = c.Set("countryOfBirth", d.CountryOfBirthCode, CountryOfBirth);
        d.StateOfBirthAbbreviation = c.Set("stateOfBirth", d.StateOfBirthAbbreviation, StateOfBirth);
        d.CityOfBirth = c.Set("cityOfBirth", d.CityOfBirth, CityOfBirth);
        d.PublicSchoolResidenceStatus = c.Set("residenceStatus", d.PublicSchoolResidenceStatus, ResidenceStatus);
        d.ContentHash = Hash;
        return c.Names.Distinct().ToList();
    }
}

internal sealed record EnrollmentRow(
    string SourcedId, bool Deleted, int Line, string ClassSourcedId, string SchoolSourcedId, string UserSourcedId, string Role, bool Primary, DateOnly? BeginDate, DateOnly? EndDate)
    : Row(SourcedId, Deleted, Line)
{
    public override long Hash => ContentHash.Of(ClassSourcedId, SchoolSourcedId, UserSourcedId, Role, Primary, BeginDate, EndDate);

    public IReadOnlyList<string> ApplyTo(Enrollment e, Guid classId, Guid siteId, Guid personId)
    {
        var c = new FieldChanges();
        e.ClassId = c.Set("class", e.ClassId, classId);
        e.SiteId = c.Set("school", e.SiteId, siteId);
        e.PersonId = c.Set("user", e.PersonId, personId);
        e.Role = c.Set("role", e.Role, Role);
        e.Primary = c.Set("primary", e.Primary, Primary);
        e.BeginDate = c.Set("beginDate", e.BeginDate, BeginDate);
        e.EndDate = c.Set("endDate", e.EndDate, EndDate);
        e.ContentHash = Hash;
        return c.Names;
    }
}
