using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Modules;

namespace DistrictOps.Web.Platform.Jobs;

/// <summary>The scheduled jobs as staff see them: what is declared, what ran, and a way to run one now.</summary>
public sealed class JobsModule : IModule
{
    /// <summary>See the scheduled jobs and their runs, and run one by hand.</summary>
    public const string Run = "platform.jobs";

    public string Name => "Jobs";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(Run, "See the scheduled jobs and their runs, and run a job now.", [Roles.ItManager, Roles.DistrictAdmin]),
    ];

    public IReadOnlyList<NavItem> Navigation { get; } =
    [
        new("Jobs", "/admin/jobs", Run, "The automations that run on a schedule: what they did, and run one now.", NavGroups.Administration),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<JobsOverview>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/v1/jobs").WithTags("Jobs").RequireAuthorization(Run).MapJobsApi();
}
