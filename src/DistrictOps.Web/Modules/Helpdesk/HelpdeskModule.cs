using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Automations.RunAutomations;
using DistrictOps.Web.Modules.Helpdesk.Demo;
using DistrictOps.Web.Modules.Helpdesk.Problems.FindRecurringIssues;
using DistrictOps.Web.Modules.Helpdesk.Problems.ManageProblems;
using DistrictOps.Web.Modules.Helpdesk.Problems;
using DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;
using DistrictOps.Web.Modules.Helpdesk.Reports.ReportSatisfaction;
using DistrictOps.Web.Modules.Helpdesk.Reports;
using DistrictOps.Web.Modules.Helpdesk.Requests.ListMyRequests;
using DistrictOps.Web.Modules.Helpdesk.Requests.OpenTicket;
using DistrictOps.Web.Modules.Helpdesk.ServiceLevels.ManageServiceLevels;
using DistrictOps.Web.Modules.Helpdesk.ServiceLevels.TrackServiceLevels;
using DistrictOps.Web.Modules.Helpdesk.Settings.ManageRoutingRules;
using DistrictOps.Web.Modules.Helpdesk.Settings.ManageSettings;
using DistrictOps.Web.Modules.Helpdesk.Surveys.AnswerSurvey;
using DistrictOps.Web.Modules.Helpdesk.Surveys.SendSurveys;
using DistrictOps.Web.Modules.Helpdesk.Surveys;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Modules.Helpdesk.Work.ListNotifications;
using DistrictOps.Web.Modules.Helpdesk.Work.ListQueues;
using DistrictOps.Web.Modules.Helpdesk.Work.SearchEverything;
using DistrictOps.Web.Modules.Helpdesk.Work.ViewTicket;
using DistrictOps.Web.Modules.Helpdesk.Work.WorkTicket;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Modules;
using DistrictOps.Web.Platform.Settings;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DistrictOps.Web.Modules.Helpdesk;

/// <summary>Tickets from every channel, routed by site and issue type through the support tiers.</summary>
public sealed class HelpdeskModule : IModule
{
    public string Name => "Helpdesk";

    public IReadOnlyList<Permission> Permissions => HelpdeskPermissions.All;

    public IReadOnlyList<NavItem> Navigation { get; } =
    [
        new("Get help", "/helpdesk/requests", HelpdeskPermissions.Request, "Report a problem and follow your requests.", NavGroups.HelpDesk),
        new("Notifications", "/helpdesk/notifications", HelpdeskPermissions.Request, "What happened to your requests and the tickets assigned to you.", NavGroups.HelpDesk),
        new("Tickets", "/helpdesk/queues", HelpdeskPermissions.Work, "Work your queues: your tickets, your sites, your team.", NavGroups.HelpDesk),
        new("Help desk settings", "/helpdesk/settings", HelpdeskPermissions.Manage, "Routing rules and their simulator, issue types, teams, macros and priorities.", NavGroups.Administration),
        new("Problems", "/helpdesk/problems", HelpdeskPermissions.Work, "Recurring issues and the problem records behind them, with workarounds.", NavGroups.HelpDesk),
        new("Reports", "/helpdesk/reports", HelpdeskPermissions.SeeAll, "Backlog, volume, response and resolution times, service levels and workload.", NavGroups.HelpDesk),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<HelpdeskOptions>(configuration, HelpdeskOptions.Section);
        services.AddScoped<ViewerFactory>();
        services.AddScoped<IHelpdeskKnowledgeSources, KnowledgeSources>();
        services.AddScoped<IDeviceTickets, DeviceTickets>();
        services.AddScoped<IAutomationTickets, AutomationTickets>();
        services.AddScoped<ITicketNotes, TicketNotes>();
        services.AddScoped<IHelpdeskWorkload, HelpdeskWorkloadReader>();
        services.AddScoped<TicketRouter>();
        services.AddScoped<TicketNotifier>();
        services.AddScoped<OpenTicketHandler>();
        services.AddScoped<ResponsePromises>();
        // Those who ask for help but do not work tickets (teachers, office staff) start from one big button.
        services.AddSingleton(new HomeAction("Report a problem", "/helpdesk/requests/new", "Something not working? Tell us what and where; a photo helps.",
            (user, permissions) => permissions.Grants(user, HelpdeskPermissions.Request) && !permissions.Grants(user, HelpdeskPermissions.Work)));
        services.AddScoped<ViewTicketHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<WorkTicketApi.Context>();
        services.AddScoped<TicketFinder>();
        services.AddScoped<CommentHandler>();
        services.AddScoped<ReopenHandler>();
        services.AddScoped<UpdateTicketHandler>();
        services.AddScoped<EscalateHandler>();
        services.AddScoped<MergeHandler>();
        services.AddScoped<TicketFiles>();
        services.AddScoped<AttachFileHandler>();
        services.AddScoped<ApplyMacroHandler>();
        services.AddScoped<ComposeHandler>();
        services.AddScoped<SearchHandler>();
        services.AddScoped<RoutingRulesHandler>();
        services.AddScoped<HelpdeskSettingsHandler>();
        services.AddScoped<ListNotificationsHandler>();
        services.AddScoped<INavCount, UnreadNotificationsCount>();
        services.AddScoped<ListMyRequestsHandler>();
        services.AddScoped<TicketChoicesLoader>();
        services.AddScoped<CallerTickets>();
        services.AddScoped<IDemoSeed, DemoHelpdeskSeed>();
        services.AddScoped<ListQueuesHandler>();
        services.AddScoped<ISchoolCalendarObserver, CalendarChangeObserver>();
        services.AddScoped<RecurringIssuesHandler>();
        services.AddScoped<ProblemsHandler>();
        services.AddScoped<ServiceLevelPoliciesHandler>();
        services.AddScoped<IDemoSeed, DemoProblemsSeed>();
        services.AddScheduledWork<PendingReminderWork>(PendingReminderWork.Name, TimeSpan.FromHours(1), "Reminds requesters once of tickets waiting on their reply for some school days.");
        services.AddScheduledWork<AutoClosePendingWork>(AutoClosePendingWork.Name, TimeSpan.FromHours(1), "Solves pending tickets whose requester did not reply some school days after the reminder.");
        services.AddScheduledWork<CloseSolvedWork>(CloseSolvedWork.Name, TimeSpan.FromHours(1), "Closes tickets solved some days ago and not reopened.");
        services.AddScheduledWork<SendSurveysWork>(SendSurveysWork.Name, TimeSpan.FromMinutes(15), "Emails the satisfaction surveys that are due.");
        services.AddSingleton<SurveyLinks>();
        services.AddScoped<AnswerSurveyHandler>();
        services.AddScoped<SatisfactionHandler>();
        services.AddScoped<IDemoSeed, DemoSurveysSeed>();
        services.AddScoped<ReportClock>();
        services.AddScoped<ServiceReportsHandler>();
        services.AddScoped<StoredReportDays>();
        services.AddScheduledWork<StoreReportDaysWork>(StoreReportDaysWork.Name, TimeSpan.FromMinutes(5), "Stores the help desk reports' counts of past days, and refills the days changed tickets touch.");
        services.AddScoped<ServiceLevelTracker>();
        services.AddSingleton<HelpdeskSettingsCache>();
        services.AddSingleton(sp => sp.GetRequiredService<HelpdeskSettingsCache>().Watch);
        services.AddSingleton<TeamMemberships>();
        services.AddSingleton(sp => sp.GetRequiredService<TeamMemberships>().Watch);
        services.AddSingleton<CoveredSites>();
        services.AddSingleton(sp => sp.GetRequiredService<CoveredSites>().Watch);
        services.AddSingleton<SiteTechnicians>();
        services.AddSingleton(sp => sp.GetRequiredService<SiteTechnicians>().Watch);
        services.AddSingleton<QueuePageLookups>();
        services.AddSingleton(sp => sp.GetRequiredService<QueuePageLookups>().Watch);
        services.AddScoped<IInterceptor, ServiceLevelInterceptor>();
        services.AddScoped<RestoreInstructionHandler>();
        services.AddScoped<DemoTicketsWritten>();
        services.AddScoped<IDemoSeed, DemoServiceLevelSeed>();
        services.AddScheduledWork<ServiceLevelWork>(ServiceLevelWork.Name, TimeSpan.FromMinutes(1),
            "Recomputes tickets whose service-level check is due and sends the escalation ladder (50%, 75%, breach) once per step.");
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/helpdesk").WithTags("Helpdesk").RequireAuthorization(HelpdeskPermissions.Request)
            .MapOpenTicketApi()
            .MapViewTicketApi()
            .MapWorkTicketApi()
            .MapListNotificationsApi()
            .MapListMyRequestsApi()
            .MapListQueuesApi()
            .MapRecurringIssuesApi()
            .MapProblemsApi()
            .MapRestoreInstructionApi();
        endpoints.MapGroup("/api/v1/helpdesk").WithTags("Helpdesk").RequireAuthorization(HelpdeskPermissions.Manage)
            .MapRoutingRulesApi()
            .MapServiceLevelPoliciesApi();
        endpoints.MapGroup("/api/v1/helpdesk").WithTags("Helpdesk").RequireAuthorization(HelpdeskPermissions.SeeAll)
            .MapSatisfactionApi();
        endpoints.MapGroup("/api/v1/helpdesk/reports").WithTags("Helpdesk").RequireAuthorization(HelpdeskPermissions.SeeAll)
            .MapReportsApi();
    }
}
