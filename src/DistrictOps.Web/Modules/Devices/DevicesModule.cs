using DistrictOps.Web.Modules.Devices.LendLoaners;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Devices.RepairDevices;
using DistrictOps.Web.Modules.Devices.StockParts;
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
        new("Loaners", "/devices/loaners", DevicesPermissions.Read, "Loaner pools per site: lend from a ticket, returns, overdue loans, use and the recommended pool size.", NavGroups.Devices),
        new("Repairs", "/devices/repairs", DevicesPermissions.Read, "In-house and vendor repairs: parts, cost and turnaround; the device's status follows the repair.", NavGroups.Devices),
        new("Parts", "/devices/parts", DevicesPermissions.Read, "Spare parts on hand, what to reorder, and stock received.", NavGroups.Devices),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DeviceHistory>();
        services.AddScoped<Custody>();
        services.AddScoped<LendLoanersHandler>();
        services.AddScoped<RepairDevicesHandler>();
        services.AddScoped<StockPartsHandler>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/devices").WithTags("Devices").MapLendLoanersApi().MapRepairDevicesApi().MapStockPartsApi();
    }
}
