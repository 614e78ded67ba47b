using DistrictOps.Web.Modules.Devices.Register;
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
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DeviceHistory>();
        services.AddScoped<Custody>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
