using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.ScanDevices;

public static class ScanDevicesApi
{
    public static RouteGroupBuilder MapScanDevicesApi(this RouteGroupBuilder group)
    {
        var scans = group.MapGroup("/scans").RequireAuthorization(DevicesPermissions.Assign);
        scans.MapPost("/check-out", async (ScanCheckOutCommand command, HttpContext context, PermissionRegistry permissions, ScanDevicesHandler handler, CancellationToken ct) =>
                (await handler.CheckOutAsync(command, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .WithSummary("Check a device out by scanning: person is a student number or employee id, device a tag or serial, accessories names (Charger, Case, Stylus, Keyboard). "
                + "The same scan again changes nothing (repeated: true); a missing device agreement is a warning, never a refusal.");
        scans.MapPost("/check-in", async (ScanCheckInCommand command, HttpContext context, PermissionRegistry permissions, ScanDevicesHandler handler, CancellationToken ct) =>
                (await handler.CheckInAsync(command, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .WithSummary("Check a device in by scanning its tag or serial, with its condition (A to D; A when not given), the accessories returned and notes. "
                + "Condition D makes it Damaged; accessories not returned are warnings.");
        scans.MapPost("/{assignmentId:long}/undo", async (long assignmentId, HttpContext context, PermissionRegistry permissions, ScanDevicesHandler handler, CancellationToken ct) =>
                (await handler.UndoAsync(assignmentId, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .WithSummary("Take back your last scan of a device (assignmentId from the scan): a check-out is removed, a check-in reopened; 409 once anything else happened to the device.");
        return group;
    }
}
