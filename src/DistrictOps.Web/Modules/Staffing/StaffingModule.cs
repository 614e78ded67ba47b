using DistrictOps.Web.Modules.Staffing.CheckCoverage;
using DistrictOps.Web.Modules.Staffing.CheckWorkload;
using DistrictOps.Web.Modules.Staffing.Demo;
using DistrictOps.Web.Modules.Staffing.Sizing;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Modules;

namespace DistrictOps.Web.Modules.Staffing;

/// <summary>The staffing model that sizes the technology team: ratios by site type, positions, coverage, workload, a phased plan and scenarios.</summary>
public sealed class StaffingModule : IModule
{
    public string Name => "Staffing";

    public IReadOnlyList<Permission> Permissions => StaffingPermissions.All;

    public IReadOnlyList<NavItem> Navigation { get; } =
    [
        new("Staffing model", "/staffing", StaffingPermissions.Read, "How many technicians the district's sites need, against the team it has: positions, coverage, workload and the plan.", NavGroups.Planning),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IDemoSeed, DemoStaffingSeed>();
        AddCoverageAndWorkload(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        MapCoverageAndWorkload(endpoints);
    }

    // ---- Coverage and workload (issue 19 items 3, 4 and the coverage API): CheckCoverage/, CheckWorkload/, Sizing/WorkloadFigures. ----
    private static void AddCoverageAndWorkload(IServiceCollection services)
    {
        services.AddScoped<DistrictModelReader>();
        services.AddScoped<WorkloadFigures>();
        services.AddScoped<CoverageHandler>();
        services.AddScoped<WorkloadHandler>();
    }

    private static void MapCoverageAndWorkload(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/v1/staffing").WithTags("Staffing").MapCoverageApi();

    // ---- end of coverage and workload ----
}
