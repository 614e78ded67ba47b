using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>
/// A person as account management needs them: the immutable source id written to the directory, the names an account is
/// made from, the primary site and grade that place it, the HR title and department, and since when they have left
/// (the SIS's or HR's word), if they have; and, when asked for, the classes they are enrolled in or teach now (source ids),
/// for class groups. No demographics, no guardians.
/// </summary>
public sealed record AccountHolder(
    Guid Id, string SourcedId, string Kind, string GivenName, string FamilyName, string? MiddleName, string? PreferredGivenName, string? PreferredFamilyName,
    string? SiteSourcedId, string? SiteName, string? Grade, string? EmployeeId, string? Title, string? Department, DateTimeOffset? LeftAt,
    IReadOnlyList<string>? Classes = null);

/// <summary>A class as a class group describes it: its source id, title and site.</summary>
public sealed record AccountClass(string SourcedId, string Title, string? SiteName);

/// <summary>
/// Everyone who may hold a directory account (students and staff; never guardians), current and those who left, for the
/// account planner. Applies no student rule and writes no access log: nothing here is shown to a user but through the
/// accounts module's own pages, which are for those who manage accounts.
/// </summary>
public interface IAccountHolders
{
    /// <summary>Everyone; with <paramref name="withClasses"/>, each with the classes they are in now (students and teachers, current enrollments only).</summary>
    Task<IReadOnlyList<AccountHolder>> ListAsync(bool withClasses = false, CancellationToken cancellationToken = default);

    /// <summary>The current classes (not ended, not left), for naming class groups.</summary>
    Task<IReadOnlyList<AccountClass>> ClassesAsync(CancellationToken cancellationToken = default);
}

internal sealed class AccountHolders(AppDbContext db, DistrictTime districtTime) : IAccountHolders
{
    public async Task<IReadOnlyList<AccountHolder>> ListAsync(bool withClasses = false, CancellationToken cancellationToken = default)
    {
        var classes = withClasses ? await ClassesByPersonAsync(cancellationToken) : null;
        var sites = await db.Set<Site>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => (s.SourcedId, s.Name), cancellationToken);
        var people = await db.Set<Person>().AsNoTracking().Where(p => p.Kind != PersonKind.Guardian)
            .Select(p => new
            {
                p.Id, p.SourcedId, p.Kind, p.GivenName, p.FamilyName, p.MiddleName, p.PreferredGivenName, p.PreferredFamilyName, p.PrimarySiteId, p.Grades,
                p.EmployeeId, p.PositionTitle, p.Department, p.LeftAt, p.HrStatus, p.HrEndDate,
            })
            .ToListAsync(cancellationToken);
        return people.Select(p =>
        {
            var site = p.PrimarySiteId is { } id && sites.TryGetValue(id, out var s) ? s : default;
            // HR's end date where HR says terminated; a staff member HR lists as active has not left whatever the SIS says.
            var left = p.HrStatus == "terminated" ? (p.HrEndDate is { } end ? new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : p.LeftAt ?? DateTimeOffset.MinValue)
                : p.HrStatus == "active" ? null : p.LeftAt;
            return new AccountHolder(p.Id, p.SourcedId, p.Kind.ToString(), p.GivenName, p.FamilyName, p.MiddleName, p.PreferredGivenName, p.PreferredFamilyName,
                site.SourcedId, site.Name, p.Grades?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
                p.EmployeeId, p.PositionTitle, p.Department, left, classes?.GetValueOrDefault(p.Id) ?? (withClasses ? [] : null));
        }).ToList();
    }

    public async Task<IReadOnlyList<AccountClass>> ClassesAsync(CancellationToken cancellationToken = default)
    {
        var sites = await db.Set<Site>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var classes = await db.Set<ClassSection>().AsNoTracking().Where(c => c.LeftAt == null)
            .Select(c => new { c.SourcedId, c.Title, c.SiteId }).ToListAsync(cancellationToken);
        return classes.Select(c => new AccountClass(c.SourcedId, c.Title, sites.GetValueOrDefault(c.SiteId))).ToList();
    }

    /// <summary>Person → the source ids of the classes they are a student or teacher in now (the enrollment has not left or ended).</summary>
    private async Task<Dictionary<Guid, List<string>>> ClassesByPersonAsync(CancellationToken cancellationToken)
    {
        var today = districtTime.Today;
        var rows = await (
            from e in db.Set<Enrollment>().AsNoTracking()
            join c in db.Set<ClassSection>().AsNoTracking() on e.ClassId equals c.Id
            where e.LeftAt == null && c.LeftAt == null && (e.Role == "student" || e.Role == "teacher") && (e.EndDate == null || e.EndDate >= today)
            select new { e.PersonId, c.SourcedId }).ToListAsync(cancellationToken);
        var byPerson = new Dictionary<Guid, List<string>>();
        foreach (var row in rows)
        {
            if (!byPerson.TryGetValue(row.PersonId, out var list))
            {
                byPerson[row.PersonId] = list = [];
            }

            list.Add(string.Intern(row.SourcedId));
        }

        return byPerson;
    }
}
