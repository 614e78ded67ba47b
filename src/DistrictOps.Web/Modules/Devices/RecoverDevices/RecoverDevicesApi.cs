using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Devices.RecoverDevices;

public static class RecoverDevicesApi
{
    public static RouteGroupBuilder MapRecoverDevicesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/to-recover", async Task<Results<Ok<PagedResult<RecoverRow>>, ValidationProblem, ProblemHttpResult>> (
                    HttpContext context, PermissionRegistry permissions, RecoverDevicesHandler handler, CancellationToken ct) =>
            {
                var query = new QueryReader(context.Request.Query);
                var site = query.Id("siteId", "a site id");
                var page = query.Paging();
                return (await query.Then(page).ThenAsync(p => handler.ListAsync(DeviceUser.Of(context, DevicesPermissions.Read, permissions), site, p, ct))).ToOk();
            })
            .RequireAuthorization(DevicesPermissions.Read)
            .WithSummary("Devices still out with people who left in the last 365 days (Directory leavers), most recent leavers first; siteId filters.");
        return group;
    }
}
