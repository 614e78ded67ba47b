using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Directory.ListSites;
using DistrictOps.Web.Modules.Directory.ReviewAccessLog;
using DistrictOps.Web.Modules.Directory.ManageCalendar;
using DistrictOps.Web.Modules.Directory.SearchPeople;
using DistrictOps.Web.Modules.Directory.Demo;
using DistrictOps.Web.Modules.Directory.DisableLeaverAccounts;
using DistrictOps.Web.Modules.Directory.ViewSite;
using DistrictOps.Web.Modules.Directory.UploadImport;
using DistrictOps.Web.Modules.Directory.ViewPerson;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Modules;
using DistrictOps.Web.Platform.Settings;
using DistrictOps.Web.Platform.Time;

namespace DistrictOps.Web.Modules.Directory;

/// <summary>Sites, people and rosters from the SIS and HR, the school calendar, and the imports that keep them current.</summary>
public sealed class DirectoryModule : IModule
{
    public string Name => "Directory";

    public IReadOnlyList<Permission> Permissions => DirectoryPermissions.All;

    public IReadOnlyList<NavItem> Navigation { get; } =
    [
        new("Sites", "/directory/sites", DirectoryPermissions.View, "Schools and offices with their type, grades, enrollment and staff.", NavGroups.Directory),
        new("People", "/directory/people", DirectoryPermissions.View, "Find staff, and students and families where your role allows.", NavGroups.Directory),
        new("Calendar", "/directory/calendar", DirectoryPermissions.View, "Instructional days, days without school and each site's hours.", NavGroups.Directory),
        new("Access log", "/directory/access-log", DirectoryPermissions.AccessLog, "Who was shown student and guardian records, and when.", NavGroups.Administration),
        new("Imports", "/directory/imports", DirectoryPermissions.Import, "Bring in the SIS roster, review the plan, apply it, and see what changed.", NavGroups.Administration),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OneRosterImporter>();
        services.AddScoped<PackageFingerprints>();
        services.AddScoped<StaffImporter>();
        services.AddSettings<DirectoryImportOptions>(configuration, DirectoryImportOptions.Section);
        services.AddSettings<CalendarOptions>(configuration, CalendarOptions.Section);
        services.AddScoped<ISchoolCalendar, SchoolCalendarService>();
        services.AddSingleton<SchoolSchedules>();
        services.AddSingleton(sp => sp.GetRequiredService<SchoolSchedules>().Watch);
        services.AddScoped<IDistrictTimeZones, CalendarTimeZones>();
        services.AddSingleton<CurrentSites>();
        services.AddSingleton(sp => sp.GetRequiredService<CurrentSites>().Watch);
        services.AddScoped<ISiteDirectory, SiteDirectory>();
        services.AddScoped<ITechnicianCoverage, TechnicianCoverageStore>();
        services.AddScoped<StudentAccessLog>();
        services.AddScoped<IPeopleDirectory, PeopleDirectory>();
        services.AddScoped<SetSiteTypeHandler>();
        services.AddScoped<IDirectoryChanges, DirectoryChanges>();
        services.AddScoped<IAccountHolders, AccountHolders>();
        services.AddScoped<IClassRosters, ClassRosters>();
        services.AddScoped<IRosterData, RosterData>();
        services.AddScoped<IRosterPackageCheck, RosterPackageCheckService>();
        services.AddScoped<CalendarImporter>();
        services.AddScoped<CalendarEditor>();
        services.AddScoped<ListSitesHandler>();
        services.AddScoped<ViewSiteHandler>();
        services.AddScoped<SearchPeopleHandler>();
        services.AddScoped<ViewPersonHandler>();
        services.AddScoped<AccessLogHandler>();
        services.AddScoped<ImportRunsHandler>();
        services.AddScoped<UploadImportHandler>();
        services.AddBackgroundWork<ImportJobWork>(UploadImportHandler.JobKind);
        services.AddSettings<ImportUploadOptions>(configuration, ImportUploadOptions.Section);
        services.AddScheduledWork<PurgeImportUploadsWork>(PurgeImportUploadsWork.Name, TimeSpan.FromHours(1), "Deletes import uploads checked and never applied, after Directory:Uploads:Retention.");
        services.AddScheduledWork<DisableLeaverAccountsWork>(DisableLeaverAccountsWork.Name, TimeSpan.FromHours(1), "Disables the accounts of staff HR says have left, after Users:LeaverGraceDays.");
        services.AddScoped<IDemoSeed, DemoDistrictSeed>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/directory").WithTags("Directory").RequireAuthorization(DirectoryPermissions.View)
            .MapListSitesApi()
            .MapViewSiteApi()
            .MapSearchPeopleApi()
            .MapViewPersonApi();
        endpoints.MapGroup("/api/v1/directory").WithTags("Directory").RequireAuthorization(DirectoryPermissions.Import)
            .MapImportRunsApi()
            .MapUploadImportApi();
        endpoints.MapGroup("/api/v1/directory").WithTags("Directory").RequireAuthorization(DirectoryPermissions.AccessLog)
            .MapAccessLogApi();
    }
}
