using DistrictOps.Web.Modules.Devices.AuditDevices;
using DistrictOps.Web.Modules.Devices.CollectDevices;
using DistrictOps.Web.Modules.Devices.RecoverDevices;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Devices.ScanDevices;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Modules;

namespace DistrictOps.Web.Modules.Devices;

/// <summary>The 1-to-1 program's register: standards, devices and who holds them, loaners, incidents and fees, repairs, audits and the refresh forecast.</summary>
public sealed class DevicesModule : IModule
{
    public string Name => "Devices";

    public IReadOnlyList<Permission> Permissions => DevicesPermissions.All;

    public IReadOnlyList<NavItem> Navigation { get; } =
    [
        new("Scan devices", "/devices/scan", DevicesPermissions.Assign, "Check devices out and in with a barcode scanner, or scan a room into an audit.", NavGroups.Devices),
        new("Device audits", "/devices/audits", DevicesPermissions.Read, "Audit a site or a room by scanning: what was not found is the missing list.", NavGroups.Devices),
        new("Year-end collections", "/devices/collections", DevicesPermissions.Read, "Devices expected back from students at the end of the year, and reminders to families.", NavGroups.Devices),
        new("Devices to recover", "/devices/recover", DevicesPermissions.Read, "Devices still held by students and staff who left.", NavGroups.Devices),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DeviceHistory>();
        services.AddScoped<Custody>();
        services.AddScoped<ScanDevicesHandler>();
        services.AddScoped<AuditDevicesHandler>();
        services.AddScoped<CollectDevicesHandler>();
        services.AddScoped<RecoverDevicesHandler>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/devices").WithTags("Devices");
        api.MapScanDevicesApi();
        api.MapAuditDevicesApi();
        api.MapCollectDevicesApi();
        api.MapRecoverDevicesApi();
    }
}
