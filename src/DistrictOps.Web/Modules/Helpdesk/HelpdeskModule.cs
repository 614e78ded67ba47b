using DistrictOps.Web.Modules.Devices.Contracts;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.ListMyRequests;
using DistrictOps.Web.Modules.Helpdesk.ListNotifications;
using DistrictOps.Web.Modules.Helpdesk.ListQueues;
using DistrictOps.Web.Modules.Helpdesk.ManageRoutingRules;
using DistrictOps.Web.Modules.Helpdesk.ManageSettings;
using DistrictOps.Web.Modules.Helpdesk.Notify;
using DistrictOps.Web.Modules.Helpdesk.OpenTicket;
using DistrictOps.Web.Modules.Helpdesk.ReportOnService;
using DistrictOps.Web.Modules.Helpdesk.RouteTicket;
using DistrictOps.Web.Modules.Helpdesk.SeedDemoHelpdesk;
using DistrictOps.Web.Modules.Helpdesk.TrackServiceLevels;
using DistrictOps.Web.Modules.Helpdesk.ViewTicket;
using DistrictOps.Web.Modules.Helpdesk.WorkTicket;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Modules;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DistrictOps.Web.Modules.Helpdesk;

/// <summary>Tickets from every channel, routed by site and issue type through the support tiers.</summary>
public sealed class HelpdeskModule : IModule
{
    public string Name => "Helpdesk";

    public IReadOnlyList<Permission> Permissions => HelpdeskPermissions.All;

    public IReadOnlyList<NavItem> Navigation { get; } =
    [
        new("Get help", "/helpdesk/requests", HelpdeskPermissions.Request, "Report a problem and follow your requests."),
        new("Notifications", "/helpdesk/notifications", HelpdeskPermissions.Request, "What happened to your requests and the tickets assigned to you."),
        new("Tickets", "/helpdesk/queues", HelpdeskPermissions.Work, "Work your queues: your tickets, your sites, your team."),
        new("Help desk settings", "/helpdesk/settings", HelpdeskPermissions.Manage, "Routing rules and their simulator, issue types, teams, macros and priorities."),
        new("Reports", "/helpdesk/reports", HelpdeskPermissions.SeeAll, "Backlog, volume, response and resolution times, service levels and workload."),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HelpdeskOptions>(configuration.GetSection(HelpdeskOptions.Section));
        services.AddScoped<ViewerFactory>();
        services.AddScoped<TicketRouter>();
        services.AddScoped<TicketNotifier>();
        services.AddScoped<OpenTicketHandler>();
        services.AddScoped<ViewTicketHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<WorkTicketApi.Context>();
        services.AddScoped<TicketFinder>();
        services.AddScoped<CommentHandler>();
        services.AddScoped<ReopenHandler>();
        services.AddScoped<UpdateTicketHandler>();
        services.AddScoped<EscalateHandler>();
        services.AddScoped<MergeHandler>();
        services.AddScoped<AttachFileHandler>();
        services.AddScoped<ApplyMacroHandler>();
        services.AddScoped<RoutingRulesHandler>();
        services.AddScoped<HelpdeskSettingsHandler>();
        services.AddScoped<ListNotificationsHandler>();
        services.AddScoped<ListMyRequestsHandler>();
        services.AddScoped<TicketChoicesLoader>();
        services.AddScoped<IDemoSeed, DemoHelpdeskSeed>();
        services.AddScoped<ListQueuesHandler>();
        services.AddScoped<ISchoolCalendarObserver, CalendarChangeObserver>();
        services.AddScoped<ReportClock>();
        services.AddScoped<ServiceReportsHandler>();
        services.TryAddScoped<IDeviceCounts, EnrollmentDeviceCounts>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/helpdesk").WithTags("Helpdesk").RequireAuthorization(HelpdeskPermissions.Request)
            .MapOpenTicketApi()
            .MapViewTicketApi()
            .MapWorkTicketApi()
            .MapListNotificationsApi()
            .MapListMyRequestsApi()
            .MapListQueuesApi();
        endpoints.MapGroup("/api/v1/helpdesk").WithTags("Helpdesk").RequireAuthorization(HelpdeskPermissions.Manage)
            .MapRoutingRulesApi();
        endpoints.MapGroup("/api/v1/helpdesk/reports").WithTags("Helpdesk").RequireAuthorization(HelpdeskPermissions.SeeAll)
            .MapReportsApi();
    }
}
