using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.ListDevices;

public static class ListDevicesApi
{
    public static RouteGroupBuilder MapListDevicesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (HttpContext context, PermissionRegistry permissions, ListDevicesHandler handler, CancellationToken ct) =>
            {
                var read = DeviceFilter.Read(context.Request.Query);
                return read.Succeeded
                    ? Results.Ok(await handler.ListAsync(read.Value.Filter, read.Value.Page, DeviceUser.Of(context, DevicesPermissions.Read, permissions), ct))
                    : read.Failure.ToProblem();
            })
            .WithSummary("Devices in asset-tag order, paged (page, pageSize): q (tag or serial start, or a holder's name), site, status, standard, notSeenDays.")
            .RequireAuthorization(DevicesPermissions.Read);
        return group;
    }
}
