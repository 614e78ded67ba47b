using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.DeliverRoster;
using DistrictOps.Web.Modules.Rostering.Demo;
using DistrictOps.Web.Modules.Rostering.EditAgreement;
using DistrictOps.Web.Modules.Rostering.IssueApiCredentials;
using DistrictOps.Web.Modules.Rostering.ManageApps;
using DistrictOps.Web.Modules.Rostering.Packages;
using DistrictOps.Web.Modules.Rostering.ReviewSharing;
using DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;
using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Demo;
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
        // The registry, agreements, preview and who received whom.
        services.AddScoped<AppsHandler>();
        services.AddScoped<AgreementReader>();
        services.AddScoped<AgreementHandler>();
        services.AddScoped<PreviewHandler>();
        services.AddScoped<SharingHandler>();
        services.AddScoped<IPersonDataSharing, PersonDataSharing>();
        services.AddScoped<IDemoSeed, DemoRosteringSeed>();
        AddDeliveries(services, configuration);
        AddApiServices(services, configuration);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/rostering").WithTags("Rostering").MapAppsApi().MapAgreementApi().MapSharingApi();
        MapDeliveries(endpoints);
        MapApiEndpoints(endpoints);
    }

    // --- Exports and deliveries (Packages/, DeliverRoster/) ---

    private static void AddDeliveries(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DeliveryOptions>(configuration, DeliveryOptions.Section);
        services.AddScoped<RosterExporter>();
        services.AddSingleton<SftpPush>();
        services.AddScoped<DeliveryHandler>();
        services.AddBackgroundWork<DeliverRosterWork>(DeliveryHandler.JobKind);
        services.AddScheduledWork<ScheduledDeliveriesWork>(ScheduledDeliveriesWork.Name, TimeSpan.FromMinutes(5),
            "Delivers each enabled agreement of an active app when its schedule comes round, tries failed SFTP pushes again (5 min, 30 min, 2 h, then a help desk ticket), and deletes packages kept past Rostering:Delivery:KeepPackagesFor.");
    }

    private static void MapDeliveries(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/v1/rostering").WithTags("Rostering").MapDeliveriesApi();

    // --- end of exports and deliveries ---

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
