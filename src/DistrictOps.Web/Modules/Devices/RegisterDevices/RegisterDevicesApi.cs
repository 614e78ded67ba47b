using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.RegisterDevices;

public static class RegisterDevicesApi
{
    public static RouteGroupBuilder MapRegisterDevicesApi(this RouteGroupBuilder group)
    {
        group.MapPost("/", async (DeviceFields fields, HttpContext context, PermissionRegistry permissions, RegisterDeviceHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(fields, DeviceUser.Of(context, DevicesPermissions.Manage, permissions), ct)).ToCreated(d => $"/api/v1/devices/{d.AssetTag}", d => d))
            .WithSummary("Add a device (fields as the import's columns, camelCase). The same device again changes nothing; a tag or serial on another device is 409.")
            .RequireAuthorization(DevicesPermissions.Manage);
        group.MapPut("/{tag}", async (string tag, SaveDeviceCommand command, HttpContext context, PermissionRegistry permissions, RegisterDeviceHandler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(tag, command, DeviceUser.Of(context, DevicesPermissions.Manage, permissions), ct)).ToOk())
            .WithSummary("Change a device's register fields; version refuses with 409 when someone saved in between.")
            .RequireAuthorization(DevicesPermissions.Manage);
        return group;
    }
}
