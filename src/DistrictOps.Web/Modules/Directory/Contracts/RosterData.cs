using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>Which people a rostering scope holds.</summary>
[Flags]
public enum RosterRoles
{
    None = 0,
    Students = 1,

    /// <summary>Teachers, aides and proctors.</summary>
    Teachers = 2,
    Administrators = 4,

    /// <summary>Guardians, parents and relatives of the students in scope.</summary>
    Guardians = 8,
}

public enum RosterClassFilter
{
    All,

    /// <summary>Classes whose course lists one of <see cref="RosterScope.ClassValues"/> among its subjects.</summary>
    Subjects,

    /// <summary>Classes whose course's code is one of <see cref="RosterScope.ClassValues"/>.</summary>
    CourseCodes,
}

/// <summary>
/// What a data-sharing agreement lets out of the Directory: the sites (null: every site), the people, and the classes.
/// With every class, students and teachers are those who belong to a site in scope; with a class filter, only those enrolled
/// in (or teaching) a class in scope. Guardians are those of the students in scope. Staff known only to HR are never in scope.
/// </summary>
public sealed record RosterScope(IReadOnlyList<Guid>? SiteIds, RosterRoles Roles, RosterClassFilter Classes, IReadOnlyList<string> ClassValues)
{
    public static RosterScope Everything { get; } = new(null, RosterRoles.Students | RosterRoles.Teachers | RosterRoles.Administrators | RosterRoles.Guardians, RosterClassFilter.All, []);
}

/// <summary>What every roster record carries: its Directory id, the source's id, when an import last wrote it and whether it has left.</summary>
public abstract record RosterRecord
{
    public Guid Id { get; init; }

    public string SourcedId { get; init; } = "";

    /// <summary>OneRoster's dateLastModified; null only for rows imported before it was kept.</summary>
    public DateTimeOffset? ModifiedAt { get; init; }

    /// <summary>Removed by the source (a delta reports it as tobedeleted).</summary>
    public bool Left { get; init; }
}

public sealed record RosterOrg : RosterRecord
{
    public string Name { get; init; } = "";

    /// <summary>OneRoster's org type: school, district, department, local, state or national.</summary>
    public OrgType Type { get; init; }

    /// <summary><see cref="Type"/> as OneRoster writes it (<c>school</c>), for modules that do not see the Directory's enums.</summary>
    public string TypeName { get; init; } = "";

    public string? Identifier { get; init; }

    public string? ParentSourcedId { get; init; }
}

public sealed record RosterSession : RosterRecord
{
    public string Title { get; init; } = "";

    public string Type { get; init; } = "";

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public string? ParentSourcedId { get; init; }

    public string SchoolYear { get; init; } = "";
}

public sealed record RosterCourse : RosterRecord
{
    public string Title { get; init; } = "";

    public string? CourseCode { get; init; }

    public string? Grades { get; init; }

    public string? Subjects { get; init; }

    public string? SchoolYearSourcedId { get; init; }

    public string OrgSourcedId { get; init; } = "";
}

public sealed record RosterClass : RosterRecord
{
    public string Title { get; init; } = "";

    public string? ClassCode { get; init; }

    public string ClassType { get; init; } = "";

    public string? Location { get; init; }

    public string? Grades { get; init; }

    public string? Subjects { get; init; }

    public string? Periods { get; init; }

    public string CourseSourcedId { get; init; } = "";

    public string SchoolSourcedId { get; init; } = "";

    /// <summary>Comma-separated, as the source gave them.</summary>
    public string TermSourcedIds { get; init; } = "";
}

/// <summary>A user with every field the Directory holds; the rostering module leaves out what an agreement does not share.</summary>
public sealed record RosterUser : RosterRecord
{
    public PersonKind Kind { get; init; }

    /// <summary>The role as the source said it (OneRoster 1.1 or 1.2 vocabulary).</summary>
    public string SourceRole { get; init; } = "";

    /// <summary>The role in a OneRoster version's words (see <see cref="OneRosterRoles.In"/>).</summary>
    public string RoleIn(string version) => OneRosterRoles.In(version, SourceRole);

    public bool EnabledUser { get; init; }

    public string GivenName { get; init; } = "";

    public string FamilyName { get; init; } = "";

    public string? MiddleName { get; init; }

    public string? PreferredGivenName { get; init; }

    public string? PreferredFamilyName { get; init; }

    public string? Username { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    /// <summary>The SIS's local id (student number).</summary>
    public string? Identifier { get; init; }

    public string? Grades { get; init; }

    public string? PrimaryOrgSourcedId { get; init; }
}

/// <summary>The orgs a user belongs to and their agents (a student's guardians, a guardian's students), by source id, sorted.</summary>
public sealed record RosterUserLinks(IReadOnlyList<string> OrgSourcedIds, IReadOnlyList<string> AgentSourcedIds)
{
    /// <summary>The role the user holds at each org, as the source said it, sorted by org then role (HR's own memberships left out).</summary>
    public IReadOnlyList<RosterOrgRole> Roles { get; init; } = [];
}

/// <summary>A role a user holds at an org (a 1.2 roles.csv row), as the source said it.</summary>
public sealed record RosterOrgRole(string OrgSourcedId, string Role);

/// <summary>A role said in one OneRoster version's words, as another version (or the same) writes it.</summary>
public static class OneRosterRoles
{
    /// <summary>
    /// The source's own role when the version has it; else the one of the same kind: 1.2's principals, counselors and
    /// district, site or system administrators are 1.1's administrators, and 1.1's administrators 1.2's site administrators.
    /// </summary>
    public static string In(string version, string sourceRole)
    {
        if (OneRosterFiles.UserRoles(version).Contains(sourceRole))
        {
            return sourceRole;
        }

        return RowParser.KindOf(sourceRole) switch
        {
            PersonKind.Student => "student",
            PersonKind.Teacher => "teacher",
            PersonKind.Aide => "aide",
            PersonKind.Guardian => "guardian",
            _ => version == "1.1" ? "administrator" : "siteAdministrator",
        };
    }
}

public sealed record RosterEnrollment : RosterRecord
{
    public string ClassSourcedId { get; init; } = "";

    public string SchoolSourcedId { get; init; } = "";

    public string UserSourcedId { get; init; } = "";

    public Guid PersonId { get; init; }

    public string Role { get; init; } = "";

    public bool Primary { get; init; }

    public DateOnly? BeginDate { get; init; }

    public DateOnly? EndDate { get; init; }
}

/// <summary>A student's demographics; <see cref="RosterRecord.SourcedId"/> is the user's.</summary>
public sealed record RosterDemographics : RosterRecord
{
    public DateOnly? BirthDate { get; init; }

    public string? Sex { get; init; }

    public bool? AmericanIndianOrAlaskaNative { get; init; }

    public bool? Asian { get; init; }

    public bool? BlackOrAfricanAmerican { get; init; }

    public bool? NativeHawaiianOrOtherPacificIslander { get; init; }

    public bool? White { get; init; }

    public bool? TwoOrMoreRaces { get; init; }

    public bool? HispanicOrLatinoEthnicity { get; init; }

    public string? CountryOfBirthCode { get; init; }

    public string? StateOfBirthAbbreviation { get; init; }

    public string? CityOfBirth { get; init; }

    public string? PublicSchoolResidenceStatus { get; init; }
}

/// <summary>
/// The Directory's roster in OneRoster's shape, cut to a <see cref="RosterScope"/>, for exports and the OneRoster API. Each
/// query can be filtered, sorted and paged further (by <see cref="RosterRecord.SourcedId"/> for a stable order). With
/// <c>includeLeft</c> the rows the source removed come too (a delta's tobedeleted); without it only current rows.
/// Writes no access log: the rostering module records what it shares in its own audit.
/// </summary>
public interface IRosterData
{
    IQueryable<RosterOrg> Orgs(RosterScope scope, bool includeLeft = false);

    IQueryable<RosterSession> Sessions(bool includeLeft = false);

    IQueryable<RosterCourse> Courses(RosterScope scope, bool includeLeft = false);

    IQueryable<RosterClass> Classes(RosterScope scope, bool includeLeft = false);

    IQueryable<RosterUser> Users(RosterScope scope, bool includeLeft = false);

    IQueryable<RosterEnrollment> Enrollments(RosterScope scope, bool includeLeft = false);

    IQueryable<RosterDemographics> Demographics(RosterScope scope, bool includeLeft = false);

    /// <summary>Orgs and agents of the given users (a page or a batch of an export), agents limited to people in the scope.</summary>
    Task<IReadOnlyDictionary<Guid, RosterUserLinks>> LinksAsync(RosterScope scope, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// The time of the newest change the Directory holds (the <see cref="RosterRecord.ModifiedAt"/> of the last import committed):
    /// a delta export covers changes up to it, the next one those after it. Null before any import.
    /// </summary>
    Task<DateTimeOffset?> LastModifiedAsync(CancellationToken cancellationToken = default);
}

internal sealed class RosterData(AppDbContext db) : IRosterData
{
    private IQueryable<Site> ScopedSites(RosterScope scope, bool includeLeft)
    {
        var sites = db.Set<Site>().AsNoTracking().Where(s => includeLeft || s.LeftAt == null);
        return scope.SiteIds is { } ids ? sites.Where(s => ids.Contains(s.Id)) : sites;
    }

    private IQueryable<Course> ScopedCourses(RosterScope scope, bool includeLeft)
    {
        var courses = db.Set<Course>().AsNoTracking().Where(c => includeLeft || c.LeftAt == null);
        if (scope.SiteIds is { } ids)
        {
            // A district-wide catalog's courses belong to the district: they are in scope when a class in scope teaches them.
            var classes = db.Set<ClassSection>().Where(c => (includeLeft || c.LeftAt == null) && ids.Contains(c.SiteId));
            courses = courses.Where(c => ids.Contains(c.SiteId) || classes.Any(x => x.CourseId == c.Id));
        }

        var values = scope.ClassValues;
        return scope.Classes switch
        {
            RosterClassFilter.Subjects => courses.Where(c => values.Any(v => ("," + c.Subjects + ",").Contains("," + v + ","))),
            RosterClassFilter.CourseCodes => courses.Where(c => c.CourseCode != null && values.Contains(c.CourseCode)),
            _ => courses,
        };
    }

    private IQueryable<ClassSection> ScopedClasses(RosterScope scope, bool includeLeft)
    {
        var classes = db.Set<ClassSection>().AsNoTracking().Where(c => includeLeft || c.LeftAt == null);
        if (scope.SiteIds is { } ids)
        {
            classes = classes.Where(c => ids.Contains(c.SiteId));
        }

        if (scope.Classes == RosterClassFilter.All)
        {
            return classes;
        }

        var courses = ScopedCourses(scope, includeLeft: true);
        return classes.Where(c => courses.Any(course => course.Id == c.CourseId));
    }

    private static readonly string[] StudentRoles = ["student"];
    private static readonly string[] TeacherRoles = ["teacher", "aide", "proctor"];
    private static readonly string[] AdministratorRoles = ["administrator"];
    private static readonly string[] GuardianRoles = ["guardian", "parent", "relative"];

    private static List<string> EnrollmentRoles(RosterRoles roles) =>
    [
        .. roles.HasFlag(RosterRoles.Students) ? StudentRoles : [],
        .. roles.HasFlag(RosterRoles.Teachers) ? TeacherRoles : [],
        .. roles.HasFlag(RosterRoles.Administrators) ? AdministratorRoles : [],
        .. roles.HasFlag(RosterRoles.Guardians) ? GuardianRoles : [],
    ];

    /// <summary>The students, teachers and administrators in scope (not guardians).</summary>
    private IQueryable<Person> ScopedMembers(RosterScope scope, bool includeLeft, RosterRoles roles)
    {
        var kinds = new List<PersonKind>();
        if (roles.HasFlag(RosterRoles.Students))
        {
            kinds.Add(PersonKind.Student);
        }

        if (roles.HasFlag(RosterRoles.Teachers))
        {
            kinds.AddRange([PersonKind.Teacher, PersonKind.Aide]);
        }

        var people = db.Set<Person>().AsNoTracking().Where(p => includeLeft || p.LeftAt == null);
        var classMembers = people.Where(p => kinds.Contains(p.Kind));
        if (scope.Classes != RosterClassFilter.All)
        {
            var classes = ScopedClasses(scope, includeLeft);
            var enrollments = db.Set<Enrollment>().Where(e => includeLeft || e.LeftAt == null);
            classMembers = classMembers.Where(p => enrollments.Any(e => e.PersonId == p.Id && classes.Any(c => c.Id == e.ClassId)));
        }
        else if (scope.SiteIds is { } ids)
        {
            classMembers = classMembers.Where(p => db.Set<PersonSite>().Any(s => s.PersonId == p.Id && ids.Contains(s.SiteId)));
        }

        if (!roles.HasFlag(RosterRoles.Administrators))
        {
            return classMembers;
        }

        var administrators = people.Where(p => p.Kind == PersonKind.Administrator);
        if (scope.SiteIds is { } siteIds)
        {
            administrators = administrators.Where(p => db.Set<PersonSite>().Any(s => s.PersonId == p.Id && siteIds.Contains(s.SiteId)));
        }

        return classMembers.Concat(administrators);
    }

    private IQueryable<Person> ScopedPeople(RosterScope scope, bool includeLeft)
    {
        var members = ScopedMembers(scope, includeLeft, scope.Roles);
        if (!scope.Roles.HasFlag(RosterRoles.Guardians))
        {
            return members;
        }

        var students = ScopedMembers(scope, includeLeft, RosterRoles.Students);
        var guardians = db.Set<Person>().AsNoTracking()
            .Where(p => p.Kind == PersonKind.Guardian && (includeLeft || p.LeftAt == null))
            .Where(p => db.Set<GuardianLink>().Any(l => l.GuardianId == p.Id && students.Any(s => s.Id == l.StudentId)));
        return members.Concat(guardians);
    }

    public IQueryable<RosterOrg> Orgs(RosterScope scope, bool includeLeft = false)
    {
        var scoped = ScopedSites(scope, includeLeft);
        var sites = scoped;
        if (scope.SiteIds is not null)
        {
            // The district (and any other parent) a school in scope hangs from comes too: a school's parentSourcedId must resolve.
            var parents = scoped.Where(s => s.ParentSourcedId != null).Select(s => s.ParentSourcedId);
            sites = db.Set<Site>().AsNoTracking().Where(s => (includeLeft || s.LeftAt == null) && (scoped.Any(x => x.Id == s.Id) || parents.Contains(s.SourcedId)));
        }

        return sites.Select(s => new RosterOrg
        {
            Id = s.Id, SourcedId = s.SourcedId, ModifiedAt = s.ModifiedAt, Left = s.LeftAt != null,
            Name = s.Name, Type = s.OrgType, TypeName = s.OrgType == OrgType.School ? "school" : s.OrgType == OrgType.District ? "district" : s.OrgType == OrgType.Department ? "department"
                : s.OrgType == OrgType.Local ? "local" : s.OrgType == OrgType.State ? "state" : "national",
            Identifier = s.Identifier, ParentSourcedId = s.ParentSourcedId,
        });
    }

    public IQueryable<RosterSession> Sessions(bool includeLeft = false) =>
        db.Set<AcademicSession>().AsNoTracking().Where(s => includeLeft || s.LeftAt == null).Select(s => new RosterSession
        {
            Id = s.Id, SourcedId = s.SourcedId, ModifiedAt = s.ModifiedAt, Left = s.LeftAt != null,
            Title = s.Title, Type = s.Type, StartDate = s.StartDate, EndDate = s.EndDate, ParentSourcedId = s.ParentSourcedId, SchoolYear = s.SchoolYear,
        });

    public IQueryable<RosterCourse> Courses(RosterScope scope, bool includeLeft = false) =>
        from c in ScopedCourses(scope, includeLeft)
        join s in db.Set<Site>() on c.SiteId equals s.Id
        select new RosterCourse
        {
            Id = c.Id, SourcedId = c.SourcedId, ModifiedAt = c.ModifiedAt, Left = c.LeftAt != null,
            Title = c.Title, CourseCode = c.CourseCode, Grades = c.Grades, Subjects = c.Subjects, SchoolYearSourcedId = c.SchoolYearSourcedId, OrgSourcedId = s.SourcedId,
        };

    public IQueryable<RosterClass> Classes(RosterScope scope, bool includeLeft = false) =>
        from c in ScopedClasses(scope, includeLeft)
        join course in db.Set<Course>() on c.CourseId equals course.Id
        join s in db.Set<Site>() on c.SiteId equals s.Id
        select new RosterClass
        {
            Id = c.Id, SourcedId = c.SourcedId, ModifiedAt = c.ModifiedAt, Left = c.LeftAt != null,
            Title = c.Title, ClassCode = c.ClassCode, ClassType = c.ClassType, Location = c.Location, Grades = c.Grades, Subjects = c.Subjects,
            Periods = c.Periods, CourseSourcedId = course.SourcedId, SchoolSourcedId = s.SourcedId, TermSourcedIds = c.TermSourcedIds,
        };

    public IQueryable<RosterUser> Users(RosterScope scope, bool includeLeft = false)
    {
        var people = ScopedPeople(scope, includeLeft);
        return from p in db.Set<Person>().AsNoTracking()
               where people.Any(x => x.Id == p.Id)
               join s in db.Set<Site>() on p.PrimarySiteId equals s.Id into primary
               from s in primary.DefaultIfEmpty()
               select new RosterUser
               {
                   Id = p.Id, SourcedId = p.SourcedId, ModifiedAt = p.ModifiedAt, Left = p.LeftAt != null,
                   Kind = p.Kind, SourceRole = p.SourceRole, EnabledUser = p.EnabledUser, GivenName = p.GivenName, FamilyName = p.FamilyName,
                   MiddleName = p.MiddleName, PreferredGivenName = p.PreferredGivenName, PreferredFamilyName = p.PreferredFamilyName, Username = p.Username,
                   Email = p.Email, Phone = p.Phone, Identifier = p.Identifier, Grades = p.Grades, PrimaryOrgSourcedId = s == null ? null : s.SourcedId,
               };
    }

    public IQueryable<RosterEnrollment> Enrollments(RosterScope scope, bool includeLeft = false)
    {
        var roles = EnrollmentRoles(scope.Roles);
        return from e in db.Set<Enrollment>().AsNoTracking()
               where (includeLeft || e.LeftAt == null) && roles.Contains(e.Role)
               join c in ScopedClasses(scope, includeLeft) on e.ClassId equals c.Id
               join p in db.Set<Person>() on e.PersonId equals p.Id
               join s in db.Set<Site>() on e.SiteId equals s.Id
               select new RosterEnrollment
               {
                   Id = e.Id, SourcedId = e.SourcedId, ModifiedAt = e.ModifiedAt, Left = e.LeftAt != null,
                   ClassSourcedId = c.SourcedId, SchoolSourcedId = s.SourcedId, UserSourcedId = p.SourcedId, PersonId = p.Id,
                   Role = e.Role, Primary = e.Primary, BeginDate = e.BeginDate, EndDate = e.EndDate,
               };
    }

    public IQueryable<RosterDemographics> Demographics(RosterScope scope, bool includeLeft = false)
    {
        if (!scope.Roles.HasFlag(RosterRoles.Students))
        {
            return Enumerable.Empty<RosterDemographics>().AsQueryable();
        }

        var students = ScopedMembers(scope, includeLeft, RosterRoles.Students);
        return from d in db.Set<Data.Demographics>().AsNoTracking()
               join p in db.Set<Person>() on d.PersonId equals p.Id
               where students.Any(s => s.Id == p.Id)
               select new RosterDemographics
               {
                   Id = p.Id, SourcedId = p.SourcedId, ModifiedAt = d.ModifiedAt, Left = p.LeftAt != null,
                   BirthDate = d.BirthDate, Sex = d.Sex, AmericanIndianOrAlaskaNative = d.AmericanIndianOrAlaskaNative, Asian = d.Asian,
                   BlackOrAfricanAmerican = d.BlackOrAfricanAmerican, NativeHawaiianOrOtherPacificIslander = d.NativeHawaiianOrOtherPacificIslander,
                   White = d.White, TwoOrMoreRaces = d.TwoOrMoreRaces, HispanicOrLatinoEthnicity = d.HispanicOrLatinoEthnicity,
                   CountryOfBirthCode = d.CountryOfBirthCode, StateOfBirthAbbreviation = d.StateOfBirthAbbreviation, CityOfBirth = d.CityOfBirth,
                   PublicSchoolResidenceStatus = d.PublicSchoolResidenceStatus,
               };
    }

    public async Task<IReadOnlyDictionary<Guid, RosterUserLinks>> LinksAsync(RosterScope scope, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.ToList();
        var orgs = await (from ps in db.Set<PersonSite>().AsNoTracking()
                          where ids.Contains(ps.PersonId)
                          join s in db.Set<Site>() on ps.SiteId equals s.Id
                          select new { ps.PersonId, s.SourcedId, ps.Role }).ToListAsync(cancellationToken);
        var people = ScopedPeople(scope, includeLeft: false);
        var asGuardian = from l in db.Set<GuardianLink>().AsNoTracking()
                         where ids.Contains(l.GuardianId) && people.Any(p => p.Id == l.StudentId)
                         join p in db.Set<Person>() on l.StudentId equals p.Id
                         select new { PersonId = l.GuardianId, p.SourcedId };
        var asStudent = from l in db.Set<GuardianLink>().AsNoTracking()
                        where ids.Contains(l.StudentId) && people.Any(p => p.Id == l.GuardianId)
                        join p in db.Set<Person>() on l.GuardianId equals p.Id
                        select new { PersonId = l.StudentId, p.SourcedId };
        var agents = (await asGuardian.ToListAsync(cancellationToken)).Concat(await asStudent.ToListAsync(cancellationToken)).ToLookup(a => a.PersonId, a => a.SourcedId);
        var orgsOf = orgs.ToLookup(o => o.PersonId);
        return ids.Distinct().ToDictionary(
            id => id,
            id => new RosterUserLinks(
                orgsOf[id].Select(o => o.SourcedId).Distinct().Order(StringComparer.Ordinal).ToList(),
                agents[id].Distinct().Order(StringComparer.Ordinal).ToList())
            {
                Roles = orgsOf[id].Where(o => o.Role != StaffImporter.StaffRole).Select(o => new RosterOrgRole(o.SourcedId, o.Role)).Distinct()
                    .OrderBy(r => r.OrgSourcedId, StringComparer.Ordinal).ThenBy(r => r.Role, StringComparer.Ordinal).ToList(),
            });
    }

    public async Task<DateTimeOffset?> LastModifiedAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ImportRun>().Where(r => r.Kind == ImportKind.OneRoster).MaxAsync(r => (DateTimeOffset?)r.StartedAt, cancellationToken);
}
