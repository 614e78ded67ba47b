using DistrictOps.Web.Platform;

namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>One technician's share of one site's support (0.01 to 1.00 of a full-time technician).</summary>
public sealed record CoverageAssignment(Guid PersonId, string PersonName, Guid SiteId, decimal Share);

/// <summary>
/// The coverage table for staffing, which the help desk also reads (routing, and each technician's "My sites"): every
/// current staff member's share of each current site, and changes to one share at a time.
/// </summary>
public interface ITechnicianCoverage
{
    /// <summary>Every share a current staff member holds at a current site, by person name, then site.</summary>
    Task<IReadOnlyList<CoverageAssignment>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The current sites this person covers (any share), for the help desk's "My sites".</summary>
    Task<IReadOnlyList<Guid>> SitesOfAsync(Guid personId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the person's share of the site (0 to 1 with at most two decimals; 0 removes it). Invalid, naming the field, for a
    /// share out of range, an unknown or former site, or a person who is not a current staff member. Setting the same share
    /// again changes nothing. Returns the share now held (null once removed).
    /// </summary>
    Task<Result<decimal?>> SetAsync(Guid personId, Guid siteId, decimal share, CancellationToken cancellationToken = default);

    /// <summary>Removes the person's share of the site; false when they had none.</summary>
    Task<bool> RemoveAsync(Guid personId, Guid siteId, CancellationToken cancellationToken = default);
}
