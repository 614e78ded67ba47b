using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.ViewPerson;

public sealed record RelatedPerson(Guid Id, string Name, PersonKind Kind);

public sealed record PersonSiteRow(Guid SiteId, string Site, string Role);

public sealed record DemographicsView(DateOnly? BirthDate, string? Sex, bool? HispanicOrLatino, IReadOnlyList<string> Races);

/// <summary>Position and department are directory information; the rest only for <see cref="DirectoryPermissions.StaffHr"/>, null otherwise.</summary>
public sealed record HrView(string? EmployeeId, string? PositionTitle, string? Department, string? Status, DateOnly? StartDate, DateOnly? EndDate);

public sealed record PersonDetail(
    Guid Id, string SourcedId, string Name, PersonKind Kind, string Role, bool Active, string? Email, string? Username, string? Identifier, string? Grades,
    IReadOnlyList<PersonSiteRow> Sites, IReadOnlyList<RelatedPerson> Related, IReadOnlyList<string> Classes, DemographicsView? Demographics, HrView? Hr);

/// <summary>
/// One person's record. A student's or guardian's record needs the student permission for their site, and every view is
/// written to the access log, as is every related student or guardian shown with it (only those the rule allows); a staff
/// member's HR fields need the HR permission.
/// </summary>
public sealed class ViewPersonHandler(AppDbContext db, PermissionRegistry permissions, StudentAccessLog accessLog)
{
    public async Task<Result<PersonDetail>> HandleAsync(Guid id, DirectoryReader reader, CancellationToken cancellationToken = default)
    {
        var user = reader.User;
        var person = await db.Set<Person>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return Result.NotFound($"There is no person {id}.");
        }

        var sites = await (from ps in db.Set<PersonSite>()
                           join s in db.Set<Site>() on ps.SiteId equals s.Id
                           where ps.PersonId == id
                           orderby s.Name
                           select new PersonSiteRow(s.Id, s.Name, ps.Role)).ToListAsync(cancellationToken);
        var access = StudentAccess.For(user, permissions);
        if (StudentAccess.IsFamily(person.Kind))
        {
            if (!access.Any || (access.Sites is not null && !sites.Any(s => access.Covers(s.SiteId))))
            {
                return Result.Forbidden("Your role does not include this student's or family's record.");
            }

            accessLog.Viewed(reader, id);
        }

        var related = await RelatedAsync(id, access, reader, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var classes = await (from e in db.Set<Enrollment>()
                             join c in db.Set<ClassSection>() on e.ClassId equals c.Id
                             where e.PersonId == id && e.LeftAt == null
                             orderby c.Title
                             select c.Title).ToListAsync(cancellationToken);
        var demographics = person.Kind == PersonKind.Student
            ? await db.Set<Demographics>().AsNoTracking().Where(d => d.PersonId == id)
                .Select(d => new DemographicsView(d.BirthDate, d.Sex, d.HispanicOrLatinoEthnicity, Races(d))).SingleOrDefaultAsync(cancellationToken)
            : null;
        var hr = person.EmployeeId is null ? null
            : permissions.Grants(user, DirectoryPermissions.StaffHr)
                ? new HrView(person.EmployeeId, person.PositionTitle, person.Department, person.HrStatus, person.HrStartDate, person.HrEndDate)
                : new HrView(null, person.PositionTitle, person.Department, null, null, null);
        return new PersonDetail(person.Id, person.SourcedId, person.DisplayName, person.Kind, person.SourceRole, person.LeftAt is null,
            person.Email, person.Username, person.Identifier, person.Grades, sites, related, classes, demographics, hr);
    }

    /// <summary>A guardian's students and a student's guardians, each under the student rule at their own sites and each written to the access log.</summary>
    private async Task<List<RelatedPerson>> RelatedAsync(Guid id, StudentAccess access, DirectoryReader reader, CancellationToken cancellationToken)
    {
        var linked = db.Set<GuardianLink>().Where(l => l.StudentId == id || l.GuardianId == id).Select(l => l.StudentId == id ? l.GuardianId : l.StudentId);
        var related = await access.Visible(db.Set<Person>().Where(p => linked.Contains(p.Id)), db.Set<PersonSite>())
            .Select(p => new RelatedPerson(p.Id, p.GivenName + " " + p.FamilyName, p.Kind)).ToListAsync(cancellationToken);
        foreach (var shown in related.Where(r => StudentAccess.IsFamily(r.Kind)))
        {
            accessLog.Viewed(reader, shown.Id);
        }

        return related;
    }

    private static List<string> Races(Demographics d) =>
    [
        .. d.AmericanIndianOrAlaskaNative == true ? ["American Indian or Alaska Native"] : Array.Empty<string>(),
        .. d.Asian == true ? ["Asian"] : Array.Empty<string>(),
        .. d.BlackOrAfricanAmerican == true ? ["Black or African American"] : Array.Empty<string>(),
        .. d.NativeHawaiianOrOtherPacificIslander == true ? ["Native Hawaiian or Other Pacific Islander"] : Array.Empty<string>(),
        .. d.White == true ? ["White"] : Array.Empty<string>(),
        .. d.TwoOrMoreRaces == true ? ["Two or more races"] : Array.Empty<string>(),
    ];
}

internal static class ViewPersonApi
{
    public static RouteGroupBuilder MapViewPersonApi(this RouteGroupBuilder group)
    {
        group.MapGet("/people/{id}", async (Guid id, HttpContext context, ViewPersonHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, DirectoryReader.Of(context), ct)).ToOk())
            .WithSummary("One person's record; a student's view is written to the access log, and HR fields need the HR permission.");
        return group;
    }
}
