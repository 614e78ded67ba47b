using System.Security.Claims;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.Contracts;

internal sealed class PeopleDirectory(AppDbContext db, PermissionRegistry permissions, StudentAccessLog accessLog) : IPeopleDirectory
{
    private const int MaxSearchWords = 4;

    public async Task<PersonSummary?> FindAsync(Guid personId, DirectoryReader reader, CancellationToken cancellationToken = default) =>
        (await FindManyAsync([personId], reader, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<PersonSummary>> FindManyAsync(IReadOnlyCollection<Guid> personIds, DirectoryReader reader, CancellationToken cancellationToken = default)
    {
        var visible = StudentAccess.For(reader.User, permissions).Visible(db.Set<Person>().Where(p => personIds.Contains(p.Id)), db.Set<PersonSite>());
        var found = await Summaries(visible).ToListAsync(cancellationToken);
        var family = found.Where(p => p.Kind is nameof(PersonKind.Student) or nameof(PersonKind.Guardian)).ToList();
        foreach (var person in family)
        {
            accessLog.Viewed(reader, person.Id);
        }

        if (family.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return found;
    }

    public bool MayShowFamily(ClaimsPrincipal user, Guid siteId) => StudentAccess.For(user, permissions).Covers(siteId);

    public async Task ShownAsync(Guid personId, DirectoryReader reader, CancellationToken cancellationToken = default)
    {
        if (await db.Set<Person>().AnyAsync(p => p.Id == personId && (p.Kind == PersonKind.Student || p.Kind == PersonKind.Guardian), cancellationToken))
        {
            accessLog.Viewed(reader, personId);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<PersonSummary>> SearchAsync(string query, DirectoryReader reader, int take = 20, CancellationToken cancellationToken = default)
    {
        var words = query.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.ToUpperInvariant()).Take(MaxSearchWords).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var term = query.Trim();
        var email = term.ToLowerInvariant();
        var matched = db.Set<Person>().Where(p => p.LeftAt == null);
        if (words is [var word])
        {
            var later = " " + word;
            matched = matched.Where(p => p.SortName.StartsWith(word) || p.SortName.Contains(later)
                || (p.Email != null && p.Email.StartsWith(email)) || p.Phone == term || p.EmployeeId == term);
        }
        else
        {
            foreach (var each in words)
            {
                var later = " " + each;
                matched = matched.Where(p => p.SortName.StartsWith(each) || p.SortName.Contains(later));
            }
        }

        var visible = StudentAccess.For(reader.User, permissions).Visible(matched, db.Set<PersonSite>());
        var found = await Summaries(visible.OrderBy(p => p.SortName).ThenBy(p => p.Id).Take(take)).ToListAsync(cancellationToken);
        accessLog.Listed(reader, $"query={term}", found.Where(p => p.Kind is nameof(PersonKind.Student) or nameof(PersonKind.Guardian)).Select(p => p.Id).ToList());
        await db.SaveChangesAsync(cancellationToken);
        return found;
    }

    public async Task<IReadOnlyList<PersonSummary>> CurrentStaffAsync(CancellationToken cancellationToken = default) =>
        await Summaries(db.Set<Person>().Where(p => p.LeftAt == null && p.Kind != PersonKind.Student && p.Kind != PersonKind.Guardian)
            .OrderBy(p => p.SortName).ThenBy(p => p.Id)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PersonSummary>> CurrentStudentsAsync(int take, CancellationToken cancellationToken = default) =>
        await Summaries(db.Set<Person>().Where(p => p.LeftAt == null && p.Kind == PersonKind.Student)
            .OrderBy(p => p.PrimarySiteId).ThenBy(p => p.SortName).ThenBy(p => p.Id).Take(take)).ToListAsync(cancellationToken);

    public async Task<PersonSummary?> FindByNumberAsync(string number, DirectoryReader reader, CancellationToken cancellationToken = default)
    {
        var term = number.Trim();
        if (term.Length is 0 or > 64)
        {
            return null;
        }

        var current = db.Set<Person>().Where(p => p.LeftAt == null);
        var id = await current.Where(p => p.Identifier == term).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
            ?? await current.Where(p => p.EmployeeId == term).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
            ?? await current.Where(p => p.SourcedId == term).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? await FindAsync(found, reader, cancellationToken) : null;
    }

    public async Task<Family> FamilyAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var guardianIds = await db.Set<GuardianLink>().Where(g => g.StudentId == personId).Select(g => g.GuardianId)
            .Concat(db.Set<Person>().Where(p => p.Id == personId && p.Kind == PersonKind.Guardian).Select(p => p.Id))
            .Distinct().ToListAsync(cancellationToken);
        var studentIds = db.Set<GuardianLink>().Where(g => guardianIds.Contains(g.GuardianId)).Select(g => g.StudentId);
        var guardians = await Summaries(db.Set<Person>().Where(p => guardianIds.Contains(p.Id)).OrderBy(p => p.SortName)).ToListAsync(cancellationToken);
        var students = await Summaries(db.Set<Person>().Where(p => p.LeftAt == null && p.Kind == PersonKind.Student && (studentIds.Contains(p.Id) || p.Id == personId))
            .OrderBy(p => p.SortName)).ToListAsync(cancellationToken);
        return new Family(guardians, students);
    }

    public async Task<IReadOnlyList<Leaver>> LeaversAsync(DateTimeOffset since, int take = 5_000, CancellationToken cancellationToken = default) =>
        (await db.Set<Person>().AsNoTracking().Where(p => p.LeftAt != null && p.LeftAt > since)
            .Select(p => new { p.Id, p.GivenName, p.PreferredGivenName, p.FamilyName, p.Kind, p.PrimarySiteId, LeftAt = p.LeftAt!.Value })
            .ToListAsync(cancellationToken))
        .OrderByDescending(p => p.LeftAt).Take(take)
        .Select(p => new Leaver(p.Id, (string.IsNullOrEmpty(p.PreferredGivenName) ? p.GivenName : p.PreferredGivenName) + " " + p.FamilyName, p.Kind.ToString(), p.PrimarySiteId, p.LeftAt))
        .ToList();

    private static IQueryable<PersonSummary> Summaries(IQueryable<Person> people) =>
        people.AsNoTracking().Select(p => new PersonSummary(
            p.Id, p.SourcedId, (p.PreferredGivenName == null || p.PreferredGivenName == "" ? p.GivenName : p.PreferredGivenName) + " " + p.FamilyName, p.Kind.ToString(),
            p.Email, p.Phone, p.PrimarySiteId, p.EmployeeId, p.PositionTitle));
}
