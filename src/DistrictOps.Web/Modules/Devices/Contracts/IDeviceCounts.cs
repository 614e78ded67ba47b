using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.Web.Modules.Devices.Contracts;

/// <summary>How many student devices each site has, for tickets-per-device figures. The Devices module will count its register.</summary>
public interface IDeviceCounts
{
    /// <summary>Devices per site id; <see cref="DeviceCounts.Source"/> says how they were counted.</summary>
    Task<DeviceCounts> PerSiteAsync(CancellationToken cancellationToken = default);
}

/// <summary>Devices per site; <c>Source</c> is "register" once devices are counted, "estimated from 1-to-1 enrollment" until then.</summary>
public sealed record DeviceCounts(IReadOnlyDictionary<Guid, int> PerSite, string Source);

/// <summary>
/// Until the Devices module exists: the 1-to-1 program gives each enrolled student one device, so a site's devices are
/// estimated as its active enrollment. The Devices module replaces this registration with its own count.
/// </summary>
public sealed class EnrollmentDeviceCounts(ISiteDirectory sites) : IDeviceCounts
{
    public const string EstimatedFromEnrollment = "estimated from 1-to-1 enrollment";

    public async Task<DeviceCounts> PerSiteAsync(CancellationToken cancellationToken = default) =>
        new((await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Enrollment), EstimatedFromEnrollment);
}
