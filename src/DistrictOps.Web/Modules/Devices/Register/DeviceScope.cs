using System.Security.Claims;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Modules.Devices.Register;

/// <summary>
/// Which sites' devices a user works with: all of them through a district-wide role that grants the permission, else
/// only the sites of their site-scoped roles (a site technician's schools). Devices with no site are district stock.
/// </summary>
public sealed record DeviceScope(IReadOnlyList<Guid>? Sites)
{
    public static DeviceScope For(ClaimsPrincipal user, string permission, PermissionRegistry permissions)
    {
        if (!permissions.Grants(user, permission))
        {
            return new DeviceScope([]);
        }

        var districtWide = permissions.All.Single(p => p.Name == permission).GrantedTo
            .Any(role => user.IsInRole(role) && Roles.Find(role) is { SiteScoped: false });
        return new DeviceScope(districtWide ? null : user.SiteIds());
    }

    public bool Covers(Guid? siteId) => Sites is null || (siteId is { } id && Sites.Contains(id));

    public IQueryable<Device> Visible(IQueryable<Device> devices) =>
        Sites is { } sites ? devices.Where(d => d.SiteId != null && sites.Contains(d.SiteId.Value)) : devices;
}
