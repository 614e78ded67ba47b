using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.RecoverDevices;

/// <summary>A device still out with someone who left; <see cref="Holder"/> is "A student" where the student rule hides the name.</summary>
public sealed record RecoverRow(string AssetTag, string Model, DeviceStatus Status, string Holder, string HolderKind, Guid? SiteId, string? Site, DateTimeOffset LeftAt);

/// <summary>A device out with a person, as the register has it.</summary>
public sealed record HeldDevice(string AssetTag, string Model, DeviceStatus Status, Guid HolderId, string? HolderName, Guid? SiteId);

/// <summary>
/// Devices to recover: those still checked out or lent to people the Directory says left in the last year (SIS and HR
/// leavers), most recent leavers first. The leavers come from the Directory and are joined to the register by id.
/// </summary>
public sealed class RecoverDevicesHandler(AppDbContext db, IPeopleDirectory people, ISiteDirectory sites, TimeProvider time)
{
    public const int LookBackDays = 365;

    public async Task<PagedResult<RecoverRow>> ListAsync(DeviceUser user, Guid? siteId, PageRequest page, CancellationToken cancellationToken)
    {
        var leavers = await people.LeaversAsync(time.GetUtcNow().AddDays(-LookBackDays), cancellationToken: cancellationToken);
        var ids = leavers.Select(l => l.Id).ToList();
        var devices = user.Scope.Visible(db.Set<Device>().AsNoTracking())
            .Where(d => d.HolderId != null && ids.Contains(d.HolderId.Value) && (d.Status == DeviceStatus.Assigned || d.Status == DeviceStatus.Loaner));
        if (siteId is { } site)
        {
            devices = devices.Where(d => d.SiteId == site);
        }

        var held = await devices.Join(db.Set<DeviceStandard>(), d => d.StandardId, s => s.Id, (d, s) => new HeldDevice(d.AssetTag, s.Model, d.Status, d.HolderId!.Value, d.HolderName, d.SiteId))
            .ToListAsync(cancellationToken);
        var siteNames = (await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        var rows = Rows(held, leavers, siteNames);
        var shown = rows.Skip(page.Skip).Take(page.Size)
            .Select(r => r.HolderKind is "Student" or "Guardian" && !FamilyNames.MayShow(people, user, r.SiteId) ? r with { Holder = FamilyNames.Hidden } : r)
            .ToList();
        return new PagedResult<RecoverRow>(shown, rows.Count, page.Page, page.Size);
    }

    /// <summary>Each held device with the leaver holding it, most recent leaver first, then by asset tag; devices of people who did not leave are dropped.</summary>
    public static IReadOnlyList<RecoverRow> Rows(IReadOnlyList<HeldDevice> held, IReadOnlyList<Leaver> leavers, IReadOnlyDictionary<Guid, string> siteNames)
    {
        var byId = leavers.DistinctBy(l => l.Id).ToDictionary(l => l.Id);
        return held.Where(d => byId.ContainsKey(d.HolderId))
            .Select(d => (Device: d, Leaver: byId[d.HolderId]))
            .OrderByDescending(x => x.Leaver.LeftAt).ThenBy(x => x.Device.AssetTag, StringComparer.Ordinal)
            .Select(x => new RecoverRow(x.Device.AssetTag, x.Device.Model, x.Device.Status, x.Device.HolderName ?? x.Leaver.Name, x.Leaver.Kind,
                x.Device.SiteId ?? x.Leaver.PrimarySiteId, (x.Device.SiteId ?? x.Leaver.PrimarySiteId) is { } site ? siteNames.GetValueOrDefault(site) : null, x.Leaver.LeftAt))
            .ToList();
    }
}
