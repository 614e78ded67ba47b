using DistrictOps.Web.Modules.Rostering.IssueApiCredentials;
using DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Modules;
using DistrictOps.Web.Platform.Settings;

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
        AddApiServices(services, configuration);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        MapApiEndpoints(endpoints);
    }

    // ---- The OneRoster API and its credentials (issue 18 items 5 and 7): OAuth with OpenIddict, ADR 0034. ----
    private static void AddApiServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<OneRosterApiOptions>(configuration, OneRosterApiOptions.Section);
        services.AddOneRosterOAuth();
        services.AddSingleton<PageCursors>();
        services.AddScoped<OneRosterReader>();
        services.AddScoped<ApiAudit>();
        services.AddScoped<OneRosterGate>();
        services.AddScoped<ApiCredentialsHandler>();
        services.AddScheduledWork<PruneApiTokensWork>(PruneApiTokensWork.Name, TimeSpan.FromDays(1),
            "Deletes the OneRoster API's expired and revoked access tokens older than a day (OpenIddict keeps one row per token so a new secret can revoke them).");
    }

    private static void MapApiEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOneRosterApi();
        endpoints.MapGroup("/api/v1/rostering").WithTags("Rostering").MapApiCredentialsApi();
    }
    // ---- end of the OneRoster API block ----
}
