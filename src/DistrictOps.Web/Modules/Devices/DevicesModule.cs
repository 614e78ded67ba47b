using DistrictOps.Web.Modules.Devices.FamilyDevices;
using DistrictOps.Web.Modules.Devices.KeepFees;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Devices.ReportIncidents;
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
        new("Device incidents", "/devices/incidents", DevicesPermissions.Read, "Lost, stolen and damaged devices, and who is responsible.", NavGroups.Devices),
        new("Your children's devices", "/family/devices", DevicesPermissions.Family, "Your children's school devices, the device agreement and the fee statement.", NavGroups.Devices),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DeviceHistory>();
        services.AddScoped<Custody>();
        services.AddScoped<Agreements>();
        services.AddScoped<Fees>();
        services.AddScoped<ReportIncidentHandler>();
        services.AddScoped<IncidentsHandler>();
        services.AddScoped<StudentDevicesHandler>();
        services.AddScoped<FamilyDevicesHandler>();
        // Parents start from one big button on their home page.
        services.AddSingleton(new HomeAction("Your children's devices", "/family/devices", "See your children's school devices, sign the device agreement and see any fees.",
            (user, permissions) => permissions.Grants(user, DevicesPermissions.Family)));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/devices").WithTags("Devices")
            .MapIncidentsApi()
            .MapFeesApi()
            .MapAgreementsApi()
            .MapFamilyDevicesApi();
        endpoints.MapIncidentPhotos();
    }
}
