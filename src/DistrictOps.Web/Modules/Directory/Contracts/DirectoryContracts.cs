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
