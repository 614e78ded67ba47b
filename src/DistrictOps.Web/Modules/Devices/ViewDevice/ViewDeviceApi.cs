using DistrictOps.Web.Modules.Devices.ListDevices;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Devices.RegisterDevices;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.ViewDevice;

public sealed record CheckOutRequest(Guid? PersonId, string? PersonNumber, string? Room, Guid? SiteId, Data.Accessories Accessories = Data.Accessories.None);

public sealed record CheckInRequest(Data.Condition Condition = Data.Condition.A, Data.Accessories Accessories = Data.Accessories.None, string? Notes = null);

/// <summary>The register over HTTP: list, one device, add and change, check-out and check-in, status.</summary>
public static class ViewDeviceApi
{
    public static RouteGroupBuilder MapDevicesApi(this RouteGroupBuilder group)
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
        group.MapGet("/{tag}", async (string tag, HttpContext context, PermissionRegistry permissions, ViewDeviceHandler handler, CancellationToken ct) =>
                (await handler.GetAsync(tag, DeviceUser.Of(context, DevicesPermissions.Read, permissions), ct)).ToOk())
            .WithSummary("One device by asset tag: register fields, holder, the last 200 history lines, assignments, tickets, incidents and repairs.")
            .RequireAuthorization(DevicesPermissions.Read);
        group.MapGet("/{tag}/history", async (string tag, HttpContext context, PermissionRegistry permissions, ViewDeviceHandler handler, CancellationToken ct) =>
            {
                var page = QueryReader.ReadPaging(context.Request.Query);
                return page.Succeeded
                    ? (await handler.HistoryAsync(tag, page.Value, DeviceUser.Of(context, DevicesPermissions.Read, permissions), ct)).ToOk()
                    : page.Failure.ToProblem();
            })
            .WithSummary("A device's whole history, newest first, paged.")
            .RequireAuthorization(DevicesPermissions.Read);
        group.MapPost("/", async (DeviceFields fields, HttpContext context, PermissionRegistry permissions, RegisterDeviceHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(fields, DeviceUser.Of(context, DevicesPermissions.Manage, permissions), ct)).ToCreated(d => $"/api/v1/devices/{d.AssetTag}", d => d))
            .WithSummary("Add a device (fields as the import's columns, camelCase). The same device again changes nothing; a tag or serial on another device is 409.")
            .RequireAuthorization(DevicesPermissions.Manage);
        group.MapPut("/{tag}", async (string tag, SaveDeviceCommand command, HttpContext context, PermissionRegistry permissions, RegisterDeviceHandler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(tag, command, DeviceUser.Of(context, DevicesPermissions.Manage, permissions), ct)).ToOk())
            .WithSummary("Change a device's register fields; version refuses with 409 when someone saved in between.")
            .RequireAuthorization(DevicesPermissions.Manage);
        group.MapPost("/{tag}/check-out", async (string tag, CheckOutRequest request, HttpContext context, PermissionRegistry permissions, Custody custody, CancellationToken ct) =>
                (await custody.CheckOutAsync(new CheckOut(tag, request.PersonId, request.PersonNumber, request.Room, request.SiteId, request.Accessories),
                    DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .WithSummary("Check a device out to a person (personId or a scanned personNumber) or a room; warnings say when the family's agreement is missing. A repeat changes nothing.")
            .RequireAuthorization(DevicesPermissions.Assign);
        group.MapPost("/{tag}/check-in", async (string tag, CheckInRequest request, HttpContext context, PermissionRegistry permissions, Custody custody, CancellationToken ct) =>
                (await custody.CheckInAsync(new CheckIn(tag, request.Condition, request.Accessories, request.Notes), DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .WithSummary("Check a device in with its condition (A-D; D marks it damaged) and the accessories returned. A repeat changes nothing.")
            .RequireAuthorization(DevicesPermissions.Assign);
        group.MapPost("/{tag}/status", async (string tag, ChangeStatusCommand command, HttpContext context, PermissionRegistry permissions, ViewDeviceHandler handler, CancellationToken ct) =>
                (await handler.ChangeStatusAsync(tag, command, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .WithSummary("Found or recovered (InStock), Retired or Disposed, with a reason; other moves go through custody, incidents and repairs.")
            .RequireAuthorization(DevicesPermissions.Assign);
        return group;
    }
}
