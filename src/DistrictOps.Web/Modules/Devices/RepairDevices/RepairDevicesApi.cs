using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.RepairDevices;

public static class RepairDevicesApi
{
    public static RouteGroupBuilder MapRepairDevicesApi(this RouteGroupBuilder group)
    {
        var repairs = group.MapGroup("/repairs").RequireAuthorization(DevicesPermissions.Read);
        repairs.MapGet("/", async (HttpContext context, PermissionRegistry permissions, RepairDevicesHandler handler, CancellationToken ct) =>
            {
                var query = new QueryReader(context.Request.Query);
                var filter = RepairFilter.Read(query);
                var page = query.Paging();
                return query.Errors.Any
                    ? query.Then(page).Failure!.ToProblem()
                    : TypedResults.Ok(await handler.ListAsync(filter, page, DeviceUser.Of(context, DevicesPermissions.Read, permissions), ct));
            })
            .WithSummary("Repairs, newest first, a page at a time; filters status (repeatable: Open, WaitingForParts, AtVendor, Done, Cancelled), kind (InHouse, Vendor) and site.");
        repairs.MapPost("/", async (OpenRepair command, HttpContext context, PermissionRegistry permissions, RepairDevicesHandler handler, CancellationToken ct) =>
                (await handler.OpenAsync(command, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToCreated(r => $"/api/v1/devices/repairs/{r.Id}", r => r))
            .WithSummary("Open a repair (device, kind, problem, vendorRma, ticket, incidentId); the device moves to In repair and a holder keeps it on their assignment. The same repair again changes nothing.")
            .RequireAuthorization(DevicesPermissions.Assign);
        repairs.MapGet("/{id:long}", async (long id, HttpContext context, PermissionRegistry permissions, RepairDevicesHandler handler, CancellationToken ct) =>
                (await handler.DetailAsync(id, DeviceUser.Of(context, DevicesPermissions.Read, permissions), ct)).ToOk())
            .WithSummary("One repair with its device, parts, costs in cents (parts + labor + vendor) and turnaround in days.");
        repairs.MapPatch("/{id:long}", async (long id, UpdateRepair command, HttpContext context, PermissionRegistry permissions, RepairDevicesHandler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(id, command, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .WithSummary("Change an open repair's status (Open, WaitingForParts, AtVendor: a vendor repair with an RMA), kind or vendorRma, and any repair's laborCents, vendorCents or resolution; absent fields stay.")
            .RequireAuthorization(DevicesPermissions.Assign);
        repairs.MapPost("/{id:long}/parts", async (long id, UseParts command, HttpContext context, PermissionRegistry permissions, RepairDevicesHandler handler, CancellationToken ct) =>
                (await handler.UsePartsAsync(id, command, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .WithSummary("Set how many of a part (part number or id) the open repair used in all; on hand changes by the difference in the same transaction, 409 naming the part when not enough is on hand. The same quantity again changes nothing.")
            .RequireAuthorization(DevicesPermissions.Assign);
        repairs.MapPost("/{id:long}/close", async (long id, CloseRepair command, HttpContext context, PermissionRegistry permissions, RepairDevicesHandler handler, CancellationToken ct) =>
                (await handler.CloseAsync(id, command, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .WithSummary("Close a repair: outcome Repaired or Cancelled moves the device back to its holder (if still assigned) or to stock; BeyondRepair checks it in and retires it. Closing again changes nothing.")
            .RequireAuthorization(DevicesPermissions.Assign);
        return group;
    }
}
