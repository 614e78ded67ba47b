using DistrictOps.Web.Modules.Devices.AuditDevices;
using DistrictOps.Web.Modules.Devices.CollectDevices;
using DistrictOps.Web.Modules.Devices.Contracts;
using DistrictOps.Web.Modules.Devices.Demo;
using DistrictOps.Web.Modules.Devices.FamilyDevices;
using DistrictOps.Web.Modules.Devices.ForecastRefresh;
using DistrictOps.Web.Modules.Devices.ImportDevices;
using DistrictOps.Web.Modules.Devices.KeepFees;
using DistrictOps.Web.Modules.Devices.LendLoaners;
using DistrictOps.Web.Modules.Devices.ListDevices;
using DistrictOps.Web.Modules.Devices.ManageStandards;
using DistrictOps.Web.Modules.Devices.RecoverDevices;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Devices.RegisterDevices;
using DistrictOps.Web.Modules.Devices.RepairDevices;
using DistrictOps.Web.Modules.Devices.ReportIncidents;
using DistrictOps.Web.Modules.Devices.ScanDevices;
using DistrictOps.Web.Modules.Devices.StockParts;
using DistrictOps.Web.Modules.Devices.ViewDevice;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
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
        new("Device incidents", "/devices/incidents", DevicesPermissions.Read, "Lost, stolen and damaged devices, and who is responsible.", NavGroups.Devices),
        new("Your children's devices", "/family/devices", DevicesPermissions.Family, "Your children's school devices, the device agreement and the fee statement.", NavGroups.Devices),
        new("Scan devices", "/devices/scan", DevicesPermissions.Assign, "Check devices out and in with a barcode scanner, or scan a room into an audit.", NavGroups.Devices),
        new("Device audits", "/devices/audits", DevicesPermissions.Read, "Audit a site or a room by scanning: what was not found is the missing list.", NavGroups.Devices),
        new("Year-end collections", "/devices/collections", DevicesPermissions.Read, "Devices expected back from students at the end of the year, and reminders to families.", NavGroups.Devices),
        new("Devices to recover", "/devices/recover", DevicesPermissions.Read, "Devices still held by students and staff who left.", NavGroups.Devices),
        new("Loaners", "/devices/loaners", DevicesPermissions.Read, "Loaner pools per site: lend from a ticket, returns, overdue loans, use and the recommended pool size.", NavGroups.Devices),
        new("Repairs", "/devices/repairs", DevicesPermissions.Read, "In-house and vendor repairs: parts, cost and turnaround; the device's status follows the repair.", NavGroups.Devices),
        new("Parts", "/devices/parts", DevicesPermissions.Read, "Spare parts on hand, what to reorder, and stock received.", NavGroups.Devices),
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
        services.AddScoped<ITicketDeviceLinks, DeviceTicketLinks>();
        services.AddSingleton<ImportFiles>();
        services.AddScoped<Agreements>();
        services.AddScoped<Fees>();
        services.AddScoped<ReportIncidentHandler>();
        services.AddScoped<IncidentsHandler>();
        services.AddScoped<StudentDevicesHandler>();
        services.AddScoped<FamilyDevicesHandler>();
        // Parents start from one big button on their home page.
        services.AddSingleton(new HomeAction("Your children's devices", "/family/devices", "See your children's school devices, sign the device agreement and see any fees.",
            (user, _) => user.IsInRole(Roles.Parent)));
        services.AddScoped<ScanDevicesHandler>();
        services.AddScoped<AuditDevicesHandler>();
        services.AddScoped<CollectDevicesHandler>();
        services.AddScoped<RecoverDevicesHandler>();
        services.AddScoped<LendLoanersHandler>();
        services.AddScoped<RepairDevicesHandler>();
        services.AddScoped<StockPartsHandler>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/devices").WithTags("Devices")
            .MapStandardsApi()
            .MapImportDevicesApi()
            .MapForecastApi()
            .MapListDevicesApi()
            .MapRegisterDevicesApi()
            .MapIncidentsApi()
            .MapFeesApi()
            .MapAgreementsApi()
            .MapFamilyDevicesApi()
            .MapDevicesApi();
        var api = endpoints.MapGroup("/api/v1/devices").WithTags("Devices");
        api.MapScanDevicesApi();
        api.MapAuditDevicesApi();
        api.MapCollectDevicesApi();
        api.MapRecoverDevicesApi();
        api.MapLendLoanersApi().MapRepairDevicesApi().MapStockPartsApi();
        endpoints.MapIncidentPhotos();
    }
}
