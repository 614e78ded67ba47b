using System.Security.Claims;

namespace DistrictOps.Web.Modules.Directory.Contracts;

public sealed record SiteSummary(Guid Id, string SourcedId, string Name, string Type, int Enrollment);

public sealed record CoverageShare(Guid PersonId, string Name, decimal Share);

public sealed record DirectoryChange(string Entity, Guid EntityId, string SourcedId, string Kind, string? Fields);

public sealed record ImportRunSummary(Guid Id, string Kind, DateTimeOffset CompletedAt);

/// <summary>Sites and who covers them, for routing, staffing and device modules.</summary>
public interface ISiteDirectory
{
    Task<IReadOnlyList<SiteSummary>> ListAsync(CancellationToken cancellationToken = default);

    Task<SiteSummary?> FindAsync(Guid siteId, CancellationToken cancellationToken = default);

    /// <summary>The technicians covering a site, largest share first.</summary>
    Task<IReadOnlyList<CoverageShare>> CoverageAsync(Guid siteId, CancellationToken cancellationToken = default);
}

/// <summary>What imports changed, for modules that act on joiners, changes and leavers (accounts, rostering).</summary>
public interface IDirectoryChanges
{
    /// <summary>Applied runs completed after <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<ImportRunSummary>> RunsAfterAsync(DateTimeOffset after, CancellationToken cancellationToken = default);

    /// <summary>One run's change set for an entity ("Person", "Enrollment", …), a page of at most 5,000 rows after <paramref name="afterChangeId"/>.</summary>
    Task<IReadOnlyList<(long ChangeId, DirectoryChange Change)>> ChangesAsync(Guid runId, string entity, long afterChangeId = 0, CancellationToken cancellationToken = default);
}

/// <summary>A staff member, student or guardian as other modules see them: no demographics, no roster, no HR fields but the employee id a caller gives.</summary>
public sealed record PersonSummary(Guid Id, string SourcedId, string Name, string Kind, string? Email, string? Phone, Guid? PrimarySiteId, string? EmployeeId, string? PositionTitle);

/// <summary>
/// Who asks the Directory for people, and through which request: the student rule is applied to <see cref="User"/>, and
/// the access log records the user and <see cref="Path"/> (the request path, without its query string).
/// </summary>
public sealed record DirectoryReader(ClaimsPrincipal User, string Path)
{
    public static DirectoryReader Of(HttpContext context) => new(context.User, context.Request.Path.Value ?? "");

    /// <summary>"api" for the JSON API, else "page".</summary>
    public string Via => Path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) ? "api" : "page";
}

/// <summary>
/// People lookups for other modules: a ticket's requester, a caller on the phone, a technician. Whatever returns a person
/// to show applies the one student rule for the <see cref="DirectoryReader"/>: students and guardians only to holders of
/// the student permission (site-scoped roles at their sites), as if absent otherwise, and every one returned is written
/// to the access log.
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>The person, or null when there is none or <paramref name="reader"/> may not see them.</summary>
    Task<PersonSummary?> FindAsync(Guid personId, DirectoryReader reader, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PersonSummary>> FindManyAsync(IReadOnlyCollection<Guid> personIds, DirectoryReader reader, CancellationToken cancellationToken = default);

    /// <summary>
    /// Current people whose name has a word starting with each word of <paramref name="query"/>, in any order ("maria lop",
    /// "lopez m"), or, for a single word, whose email starts with it or whose phone or employee id it is. Students and guardians only as the student rule lets
    /// <paramref name="reader"/> see them; a search that lists any is written to the access log.
    /// </summary>
    Task<IReadOnlyList<PersonSummary>> SearchAsync(string query, DirectoryReader reader, int take = 20, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether <paramref name="user"/> may be shown the name of a student or guardian of <paramref name="siteId"/>, for modules
    /// that keep a copy of a name (a ticket's requester). Writes nothing to the access log.
    /// </summary>
    bool MayShowFamily(ClaimsPrincipal user, Guid siteId);

    /// <summary>
    /// Writes to the access log that <paramref name="reader"/> was shown this student's or guardian's name from another
    /// module's copy (a ticket's requester), after that module applied <see cref="MayShowFamily"/>; staff are not logged.
    /// </summary>
    Task ShownAsync(Guid personId, DirectoryReader reader, CancellationToken cancellationToken = default);

    /// <summary>Every current staff member (teachers, administrators, aides, HR-only staff), by name: demo data, staffing.</summary>
    Task<IReadOnlyList<PersonSummary>> CurrentStaffAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The current person a scanned or typed number names: a student number, an employee id or a source id, in that order.
    /// Null when none, or when <paramref name="reader"/> may not see them; a student or guardian found is written to the access log.
    /// </summary>
    Task<PersonSummary?> FindByNumberAsync(string number, DirectoryReader reader, CancellationToken cancellationToken = default);

    /// <summary>
    /// A family by its links, for a guardian looking at their own children or a module's fee statement: the guardians of
    /// <paramref name="personId"/> (a student) or the person (a guardian), and every current student they are guardian of.
    /// Applies no student rule; the caller decides who may see the family, and logs what it shows staff with <see cref="ShownAsync"/>.
    /// </summary>
    Task<Family> FamilyAsync(Guid personId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Current students, by site and name, at most <paramref name="take"/>: demo data. Applies no student rule and writes no
    /// access log, like <see cref="CurrentStaffAsync"/>; nothing a user sees may come from it unchecked.
    /// </summary>
    Task<IReadOnlyList<PersonSummary>> CurrentStudentsAsync(int take, CancellationToken cancellationToken = default);

    /// <summary>People who left (in the SIS or HR) after <paramref name="since"/>, most recent first, at most <paramref name="take"/>: devices and accounts to recover.</summary>
    Task<IReadOnlyList<Leaver>> LeaversAsync(DateTimeOffset since, int take = 5_000, CancellationToken cancellationToken = default);
}

/// <summary>Guardians and the students they are guardian of; names only.</summary>
public sealed record Family(IReadOnlyList<PersonSummary> Guardians, IReadOnlyList<PersonSummary> Students);

public sealed record Leaver(Guid Id, string Name, string Kind, Guid? PrimarySiteId, DateTimeOffset LeftAt);
