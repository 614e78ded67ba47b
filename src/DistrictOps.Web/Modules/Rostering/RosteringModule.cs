using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Demo;
using DistrictOps.Web.Modules.Rostering.EditAgreement;
using DistrictOps.Web.Modules.Rostering.ManageApps;
using DistrictOps.Web.Modules.Rostering.ReviewSharing;
using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Modules;

namespace DistrictOps.Web.Modules.Rostering;

/// <summary>Roster data to instructional apps: each app's agreement, OneRoster and School Data Sync exports, SFTP delivery, the OneRoster API, and a record of what went where.</summary>
public sealed class RosteringModule : IModule
{
    public string Name => "Rostering";

    public IReadOnlyList<Permission> Permissions => RosteringPermissions.All;

    public IReadOnlyList<NavItem> Navigation { get; } =
    [
        new("Instructional apps", "/rostering", RosteringPermissions.Read, "The apps that receive roster data: their agreements, what each may receive, and every delivery.", NavGroups.Directory),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // The registry, agreements, preview and who received whom.
        services.AddScoped<SftpSecrets>();
        services.AddScoped<AppsHandler>();
        services.AddScoped<AgreementHandler>();
        services.AddScoped<PreviewHandler>();
        services.AddScoped<SharingHandler>();
        services.AddScoped<IPersonDataSharing, PersonDataSharing>();
        services.AddScoped<IDemoSeed, DemoRosteringSeed>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/v1/rostering").WithTags("Rostering").MapAppsApi().MapAgreementApi().MapSharingApi();
}
