namespace DistrictOps.Web.Modules.Devices.Contracts;

/// <summary>How many devices each site supports, for tickets-per-device figures and staffing.</summary>
public interface IDeviceCounts
{
    /// <summary>Devices per site id; <see cref="DeviceCounts.Source"/> says how they were counted.</summary>
    Task<DeviceCounts> PerSiteAsync(CancellationToken cancellationToken = default);
}

/// <summary>Devices per site; <c>Source</c> says whether the register counted them or, before any device is registered, the 1-to-1 enrollment estimated them.</summary>
public sealed record DeviceCounts(IReadOnlyDictionary<Guid, int> PerSite, string Source);
