using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.ImportDevices;

public static class ImportDevicesApi
{
    public static RouteGroupBuilder MapImportDevicesApi(this RouteGroupBuilder group)
    {
        group.MapPost("/imports", async (HttpContext context, ImportKind? kind, bool? apply, string? file, PermissionRegistry permissions, DeviceImporter importer, CancellationToken ct) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body, ct);
                var content = body.ToArray();
                var result = await importer.UploadAsync(kind ?? ImportKind.Devices, file ?? "devices.csv", content, apply == true,
                    DeviceUser.Of(context, DevicesPermissions.Manage, permissions), ct);
                return result.ToOk();
            })
            .WithSummary("Plan a device CSV sent as the request body (kind=Devices: the register's columns; kind=Inventory: the device-management export by serial); apply=true applies it when the plan has no error, all or nothing.")
            .RequireAuthorization(DevicesPermissions.Manage);
        return group;
    }
}
