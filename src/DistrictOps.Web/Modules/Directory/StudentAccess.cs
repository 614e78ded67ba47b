using System.Security.Claims;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.Web.Modules.Directory;

/// <summary>
/// Who may see which students and guardians: only holders of <see cref="DirectoryPermissions.ViewStudents"/>, and a
/// site-scoped role only at its own sites unless the person also holds a district-wide role that grants it.
/// </summary>
public sealed record StudentAccess(bool Any, IReadOnlyList<Guid>? Sites)
{
    public static StudentAccess For(ClaimsPrincipal user, PermissionRegistry permissions)
    {
        if (!permissions.Grants(user, DirectoryPermissions.ViewStudents))
        {
            return new StudentAccess(false, []);
        }

        var districtWide = DirectoryPermissions.All.Single(p => p.Name == DirectoryPermissions.ViewStudents).GrantedTo
            .Any(role => user.IsInRole(role) && Roles.Find(role) is { SiteScoped: false });
        return new StudentAccess(true, districtWide ? null : user.SiteIds());
    }

    public bool Covers(Guid? siteId) => Any && (Sites is null || (siteId is { } id && Sites.Contains(id)));

    /// <summary>The people of <paramref name="people"/> this access may see: staff always, students and guardians by the rule above.</summary>
    public IQueryable<Person> Visible(IQueryable<Person> people, IQueryable<PersonSite> memberships)
    {
        if (!Any)
        {
            return people.Where(p => p.Kind != PersonKind.Student && p.Kind != PersonKind.Guardian);
        }

        if (Sites is { } sites)
        {
            return people.Where(p => (p.Kind != PersonKind.Student && p.Kind != PersonKind.Guardian)
                || memberships.Any(ps => ps.PersonId == p.Id && sites.Contains(ps.SiteId)));
        }

        return people;
    }

    public static bool IsFamily(PersonKind kind) => kind is PersonKind.Student or PersonKind.Guardian;
}

/// <summary>
/// Writes the access log: every answer that shows a student's or guardian's name or contact, one row per record
/// view and one per list or search (with the records it listed). The caller saves, with its own changes.
/// </summary>
public sealed class StudentAccessLog(AppDbContext db, TimeProvider time)
{
    public void Viewed(DirectoryReader reader, Guid personId) =>
        db.Add(Entry(reader, personId, query: null, records: 1));

    /// <summary>A list or search that returned <paramref name="familyIds"/>; nothing is written when it returned none.</summary>
    public void Listed(DirectoryReader reader, string query, IReadOnlyCollection<Guid> familyIds)
    {
        if (familyIds.Count > 0)
        {
            AddListing(reader, query, familyIds);
        }
    }

    /// <summary>
    /// A reading of the access log itself, with its filter and the students and guardians it named: written even when it
    /// named nobody, so that who looked at the log, and for whom, has an answer too.
    /// </summary>
    public void LogRead(DirectoryReader reader, string query, IReadOnlyCollection<Guid> familyIds) => AddListing(reader, query, familyIds);

    private void AddListing(DirectoryReader reader, string query, IReadOnlyCollection<Guid> familyIds)
    {
        var distinct = familyIds.Distinct().ToList();
        var entry = Entry(reader, personId: null, query, distinct.Count);
        entry.Listings.AddRange(distinct.Select(id => new AccessLogListing { PersonId = id }));
        db.Add(entry);
    }

    private AccessLogEntry Entry(DirectoryReader reader, Guid? personId, string? query, int records) => new()
    {
        At = time.GetUtcNow(),
        UserId = reader.User.UserId() ?? throw new InvalidOperationException("The access log needs a signed-in user."),
        PersonId = personId,
        Via = reader.Via,
        Path = Truncate(reader.Path, AccessLogEntry.PathMaxLength),
        Query = query is null ? null : Truncate(query, AccessLogEntry.QueryMaxLength),
        Records = records,
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
