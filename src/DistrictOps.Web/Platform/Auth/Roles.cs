namespace DistrictOps.Web.Platform.Auth;

/// <summary>A role, and whether a user holds it for particular sites or for the whole district.</summary>
public sealed record RoleDefinition(string Name, string DisplayName, bool SiteScoped, string HomeSummary);

public static class Roles
{
    public const string DistrictAdmin = nameof(DistrictAdmin);
    public const string ItManager = nameof(ItManager);
    public const string HelpDesk = nameof(HelpDesk);
    public const string SiteTechnician = nameof(SiteTechnician);
    public const string SeniorTechnician = nameof(SeniorTechnician);
    public const string NetworkEngineer = nameof(NetworkEngineer);
    public const string DataServices = nameof(DataServices);
    public const string SiteStaff = nameof(SiteStaff);
    public const string Parent = nameof(Parent);

    public static readonly IReadOnlyList<RoleDefinition> All =
    [
        new(DistrictAdmin, "District administrator", false, "Configure DistrictOps, manage users, roles and sites."),
        new(ItManager, "IT manager", false, "Watch service levels, backlog, staffing, projects and changes."),
        new(HelpDesk, "Help desk technician", false, "Triage requests, take phone calls and resolve at first contact."),
        new(SiteTechnician, "Site technician", true, "Work your sites' queue, swap and loan devices, plan visits."),
        new(SeniorTechnician, "Senior technician", false, "Take escalations, keep images and device standards."),
        new(NetworkEngineer, "Network engineer", false, "Handle network escalations and change requests."),
        new(DataServices, "Data services", false, "Run roster imports, account sync, app sharing and registration review."),
        new(SiteStaff, "Site staff", true, "Report a problem, follow your requests and find answers."),
        new(Parent, "Parent or guardian", false, "Register a child and follow your family's applications."),
    ];

    public static RoleDefinition? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<string> Staff { get; } = All.Where(r => r.Name != Parent).Select(r => r.Name).ToArray();
}
