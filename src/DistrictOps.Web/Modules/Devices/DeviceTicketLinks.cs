using System.Security.Claims;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices;

/// <summary>
/// The ticket page's ways into the register: the device the ticket names (when the user may see it), a repair opened from
/// the ticket, and the loaner pool at the ticket's site with the ticket filled in; each under the permission its page needs.
/// </summary>
internal sealed class DeviceTicketLinks(AppDbContext db, Custody custody, PermissionRegistry permissions) : ITicketDeviceLinks
{
    public async Task<TicketDeviceLinks> ForTicketAsync(string ticketNumber, string? assetTag, Guid siteId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        TicketLink? shown = null;
        var links = new List<TicketLink>();
        var number = Uri.EscapeDataString(ticketNumber);
        var read = DeviceScope.For(user, DevicesPermissions.Read, permissions);
        if (!string.IsNullOrWhiteSpace(assetTag) && await custody.FindAsync(assetTag, read, cancellationToken) is { } device)
        {
            var model = await db.Set<DeviceStandard>().Where(s => s.Id == device.StandardId).Select(s => s.Model).FirstAsync(cancellationToken);
            shown = new TicketLink("Device page", "/devices/" + Uri.EscapeDataString(device.AssetTag), $"{device.AssetTag} · {model}");
            if (DeviceScope.For(user, DevicesPermissions.Assign, permissions).Covers(device.SiteId))
            {
                links.Add(new TicketLink("Start a repair", "/devices/repairs/new?ticket=" + number));
            }
        }

        if (DeviceScope.For(user, DevicesPermissions.Assign, permissions).Covers(siteId)
            && await db.Set<LoanerPool>().Where(p => p.SiteId == siteId).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(cancellationToken) is { } pool)
        {
            links.Add(new TicketLink("Lend a loaner", $"/devices/loaners/{pool.Id}?ticket={number}", pool.Name));
        }

        return new TicketDeviceLinks(shown, links);
    }
}
