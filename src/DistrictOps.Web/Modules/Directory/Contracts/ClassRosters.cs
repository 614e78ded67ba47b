using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>A current class (a OneRoster class: a section of a course at a site) and how many current students it has.</summary>
public sealed record ClassSummary(Guid Id, string SourcedId, string Title, string? ClassCode, string? Periods, Guid SiteId, string SiteName, int Students);

/// <summary>A current student of a class: the name to show, the student number and grades.</summary>
public sealed record RosterStudent(Guid Id, string Name, string? Number, string? Grades);

/// <summary>
/// Classes and their students, for the modules that act for a class's teacher (first passwords handed out in class).
/// "Current" is an enrollment, class and person the SIS still lists (none has left). Nothing here applies the student rule:
/// the caller decides who may see a class (its teacher, or a district role), and <see cref="StudentsAsync"/> writes the
/// access log for every student it names.
/// </summary>
public interface IClassRosters
{
    /// <summary>The current classes <paramref name="personId"/> teaches (a current teacher enrollment), by site and title. Names no student.</summary>
    Task<IReadOnlyList<ClassSummary>> TaughtByAsync(Guid personId, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="personId"/> teaches <paramref name="classId"/> now.</summary>
    Task<bool> TeachesAsync(Guid personId, Guid classId, CancellationToken cancellationToken = default);

    /// <summary>The current class, or null.</summary>
    Task<ClassSummary?> FindAsync(Guid classId, CancellationToken cancellationToken = default);

    /// <summary>Current classes whose title, class code or site name contains <paramref name="query"/> (any case), by site and title, paged. Names no student.</summary>
    Task<PagedResult<ClassSummary>> SearchAsync(string query, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>The ids of each class's current students, for counts: no names, so nothing is written to the access log.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> StudentIdsAsync(IReadOnlyCollection<Guid> classIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// The class's current students by name, written to the access log as one listing for <paramref name="reader"/>
    /// (query <c>class=</c> and the class's source id). Empty for a class that is not current.
    /// </summary>
    Task<IReadOnlyList<RosterStudent>> StudentsAsync(Guid classId, DirectoryReader reader, CancellationToken cancellationToken = default);
}

internal sealed class ClassRosters(AppDbContext db, StudentAccessLog accessLog) : IClassRosters
{
    private const string Teacher = "teacher";
    private const string Student = "student";

    public async Task<IReadOnlyList<ClassSummary>> TaughtByAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var taught = CurrentEnrollments(Teacher).Where(e => e.PersonId == personId).Select(e => e.ClassId);
        return await Summaries(Current().Where(c => taught.Contains(c.Id))).ToListAsync(cancellationToken);
    }

    public Task<bool> TeachesAsync(Guid personId, Guid classId, CancellationToken cancellationToken = default)
    {
        var current = Current();
        return CurrentEnrollments(Teacher).AnyAsync(e => e.PersonId == personId && e.ClassId == classId && current.Any(c => c.Id == classId), cancellationToken);
    }

    public Task<ClassSummary?> FindAsync(Guid classId, CancellationToken cancellationToken = default) =>
        Summaries(Current().Where(c => c.Id == classId)).SingleOrDefaultAsync(cancellationToken);

    public Task<PagedResult<ClassSummary>> SearchAsync(string query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var classes = Current();
        if (query.Trim() is { Length: > 0 } words)
        {
            var pattern = "%" + new string(words.Where(c => c is not ('%' or '_' or '\\')).ToArray()) + "%";
            var sites = db.Set<Site>();
            classes = db.Database.IsSqlite()
                ? classes.Where(c => EF.Functions.Like(c.Title, pattern) || (c.ClassCode != null && EF.Functions.Like(c.ClassCode, pattern))
                    || sites.Any(s => s.Id == c.SiteId && EF.Functions.Like(s.Name, pattern)))
                : classes.Where(c => EF.Functions.ILike(c.Title, pattern) || (c.ClassCode != null && EF.Functions.ILike(c.ClassCode, pattern))
                    || sites.Any(s => s.Id == c.SiteId && EF.Functions.ILike(s.Name, pattern)));
        }

        return Summaries(classes).ToPagedResultAsync(page, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> StudentIdsAsync(IReadOnlyCollection<Guid> classIds, CancellationToken cancellationToken = default)
    {
        var rows = await Students().Where(e => classIds.Contains(e.ClassId)).Select(e => new { e.ClassId, e.PersonId }).ToListAsync(cancellationToken);
        return classIds.ToDictionary(id => id, id => (IReadOnlyList<Guid>)rows.Where(r => r.ClassId == id).Select(r => r.PersonId).Distinct().ToList());
    }

    public async Task<IReadOnlyList<RosterStudent>> StudentsAsync(Guid classId, DirectoryReader reader, CancellationToken cancellationToken = default)
    {
        if (await Current().Where(c => c.Id == classId).Select(c => c.SourcedId).SingleOrDefaultAsync(cancellationToken) is not { } sourcedId)
        {
            return [];
        }

        var ids = Students().Where(e => e.ClassId == classId).Select(e => e.PersonId);
        var students = await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .OrderBy(p => p.SortName).ThenBy(p => p.Id)
            .Select(p => new RosterStudent(p.Id, (p.PreferredGivenName == null || p.PreferredGivenName == "" ? p.GivenName : p.PreferredGivenName) + " " + p.FamilyName, p.Identifier, p.Grades))
            .ToListAsync(cancellationToken);
        accessLog.Listed(reader, $"class={sourcedId}", students.Select(s => s.Id).ToList());
        await db.SaveChangesAsync(cancellationToken);
        return students;
    }

    private IQueryable<ClassSection> Current() => db.Set<ClassSection>().AsNoTracking().Where(c => c.LeftAt == null);

    private IQueryable<Enrollment> CurrentEnrollments(string role) =>
        db.Set<Enrollment>().AsNoTracking().Where(e => e.LeftAt == null && e.Role == role);

    /// <summary>Current student enrollments of current students.</summary>
    private IQueryable<Enrollment> Students()
    {
        var people = db.Set<Person>();
        return CurrentEnrollments(Student).Where(e => people.Any(p => p.Id == e.PersonId && p.LeftAt == null && p.Kind == PersonKind.Student));
    }

    private IQueryable<ClassSummary> Summaries(IQueryable<ClassSection> classes)
    {
        var students = Students();
        return from c in classes
               join s in db.Set<Site>() on c.SiteId equals s.Id
               orderby s.Name, c.Title, c.Id
               select new ClassSummary(c.Id, c.SourcedId, c.Title, c.ClassCode, c.Periods, s.Id, s.Name, students.Count(e => e.ClassId == c.Id));
    }
}
