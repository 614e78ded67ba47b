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

/// <summary>A staff member, student or guardian as other modules see them: no demographics, no roster.</summary>
public sealed record PersonSummary(Guid Id, string SourcedId, string Name, string Kind, string? Email, string? Phone, Guid? PrimarySiteId, string? EmployeeId, string? PositionTitle);

/// <summary>People lookups for other modules: a ticket's requester, a caller on the phone, a technician.</summary>
public interface IPeopleDirectory
{
    Task<PersonSummary?> FindAsync(Guid personId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PersonSummary>> FindManyAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default);

    /// <summary>Current staff (not students or guardians) whose name starts with, or whose email, phone or employee id is, <paramref name="query"/>.</summary>
    Task<IReadOnlyList<PersonSummary>> SearchStaffAsync(string query, int take = 20, CancellationToken cancellationToken = default);

    Task<PersonSummary?> FindByEmployeeIdAsync(string employeeId, CancellationToken cancellationToken = default);

    /// <summary>Every current staff member (teachers, administrators, aides, HR-only staff), by name: demo data, staffing.</summary>
    Task<IReadOnlyList<PersonSummary>> CurrentStaffAsync(CancellationToken cancellationToken = default);
}
