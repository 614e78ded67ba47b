using DistrictOps.Web.Modules.Staffing.CheckCoverage;
using DistrictOps.Web.Modules.Staffing.CheckWorkload;
using DistrictOps.Web.Modules.Staffing.Demo;
using DistrictOps.Web.Modules.Staffing.EditScenarios;
using DistrictOps.Web.Modules.Staffing.ManagePositions;
using DistrictOps.Web.Modules.Staffing.PlanPhases;
using DistrictOps.Web.Modules.Staffing.ReviewModel;
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

        // The shared kernel (Sizing/).
        services.AddScoped<StaffingReader>();
        services.AddScoped<DistrictModelReader>();
        services.AddScoped<WorkloadFigures>();

        // One handler per use case.
        services.AddScoped<ModelHandler>();
        services.AddScoped<ScenariosHandler>();
        services.AddScoped<PlanHandler>();
        services.AddScoped<PositionsHandler>();
        services.AddScoped<CoverageHandler>();
        services.AddScoped<WorkloadHandler>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/v1/staffing").WithTags("Staffing")
            .MapModelApi().MapScenariosApi().MapPlanApi().MapPositionsApi().MapCoverageApi();
}
