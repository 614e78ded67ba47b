using DistrictOps.Web.Modules.Devices.Contracts;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices;

/// <summary>
/// The register's answers for other modules: devices in service per site (for tickets per device and staffing) and the
/// devices a person holds. Before any device is registered, a site's devices are estimated as its active enrollment (the
/// 1-to-1 program gives each enrolled student one), and the source says so.
/// </summary>
internal sealed class DeviceLookups(AppDbContext db, ISiteDirectory sites) : IDeviceCounts, IPersonDevices
{
    public const string Register = "register";
    public const string EstimatedFromEnrollment = "estimated from 1-to-1 enrollment";

    public async Task<DeviceCounts> PerSiteAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.Set<Device>().AnyAsync(cancellationToken))
        {
            return new((await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Enrollment), EstimatedFromEnrollment);
        }

        // "Not out of service" rather than "in service": SQLite, planning without statistics, then reads the site index alone
        // (already in site order) instead of finding nearly every device by status and then its row.
        var counts = await db.Set<Device>().Where(d => d.SiteId != null && !DeviceStatuses.OutOfServiceStatuses.Contains(d.Status))
            .GroupBy(d => d.SiteId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new(counts, Register);
    }

    public async Task<IReadOnlyList<HeldDevice>> HeldByAsync(Guid personId, CancellationToken cancellationToken = default) =>
        await (from a in db.Set<Assignment>()
               join d in db.Set<Device>() on a.DeviceId equals d.Id
               join s in db.Set<DeviceStandard>() on d.StandardId equals s.Id
               where a.HolderId == personId && a.InAt == null
               orderby a.Id descending
               select new HeldDevice(d.AssetTag, s.Model, s.Name, a.IsLoan)).ToListAsync(cancellationToken);

    public async Task<string?> ModelOfAsync(string assetTag, CancellationToken cancellationToken = default)
    {
        var key = Custody.Normalize(assetTag);
        return await (from d in db.Set<Device>() join s in db.Set<DeviceStandard>() on d.StandardId equals s.Id where d.AssetTag == key select s.Model)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
