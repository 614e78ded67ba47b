using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.ViewDevice;

public sealed record CheckOutRequest(Guid? PersonId, string? PersonNumber, string? Room, Guid? SiteId, Data.Accessories Accessories = Data.Accessories.None);

public sealed record CheckInRequest(Data.Condition Condition = Data.Condition.A, Data.Accessories Accessories = Data.Accessories.None, string? Notes = null);

/// <summary>One device over HTTP: read it and its history, check it out and in, change its status.</summary>
public static class ViewDeviceApi
{
    public static RouteGroupBuilder MapDevicesApi(this RouteGroupBuilder group)
    {
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
