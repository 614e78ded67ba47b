using DistrictOps.Web.Modules.Devices.Contracts;
using DistrictOps.Web.Modules.Devices.Demo;
using DistrictOps.Web.Modules.Devices.ForecastRefresh;
using DistrictOps.Web.Modules.Devices.ImportDevices;
using DistrictOps.Web.Modules.Devices.ListDevices;
using DistrictOps.Web.Modules.Devices.ManageStandards;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Devices.RegisterDevices;
using DistrictOps.Web.Modules.Devices.ViewDevice;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Modules;

namespace DistrictOps.Web.Modules.Devices;

/// <summary>The 1-to-1 program's register: standards, devices and who holds them, loaners, incidents and fees, repairs, audits and the refresh forecast.</summary>
public sealed class DevicesModule : IModule
{
    public string Name => "Devices";

    public IReadOnlyList<Permission> Permissions => DevicesPermissions.All;

    public IReadOnlyList<NavItem> Navigation { get; } =
    [
        new("Devices", "/devices", DevicesPermissions.Read, "Every device, who holds it, its history and tickets.", NavGroups.Devices),
        new("Device standards", "/devices/standards", DevicesPermissions.Read, "Approved models and images, with their compatibility checklist.", NavGroups.Devices),
        new("Refresh forecast", "/devices/forecast", DevicesPermissions.Forecast, "When devices are due for replacement, the cost with breakage and loss, and the unfunded gap.", NavGroups.Devices),
        new("My devices", "/devices/mine", DevicesPermissions.Mine, "The devices checked out to you, and a quick way to report a problem with one.", NavGroups.Devices),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DeviceHistory>();
        services.AddScoped<Custody>();
        services.AddScoped<StandardsHandler>();
        services.AddScoped<ListDevicesHandler>();
        services.AddScoped<RegisterDeviceHandler>();
        services.AddScoped<ViewDeviceHandler>();
        services.AddScoped<DeviceImporter>();
        services.AddScoped<ForecastHandler>();
        services.AddScoped<FundingHandler>();
        services.AddScoped<DeviceLookups>();
        services.AddScoped<IDemoSeed, DemoDevicesSeed>();
        services.AddScoped<IDeviceCounts>(sp => sp.GetRequiredService<DeviceLookups>());
        services.AddScoped<IPersonDevices>(sp => sp.GetRequiredService<DeviceLookups>());
        services.AddSingleton<ImportFiles>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/devices").WithTags("Devices")
            .MapStandardsApi()
            .MapImportDevicesApi()
            .MapForecastApi()
            .MapListDevicesApi()
            .MapRegisterDevicesApi()
            .MapDevicesApi();
    }
}
