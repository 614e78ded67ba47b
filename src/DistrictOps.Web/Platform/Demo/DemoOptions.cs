using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Platform.Demo;

/// <summary>The <c>Demo</c> configuration section. Demo mode seeds an empty database and shows the demo sign-ins.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; }

    [Required]
    public string Password { get; set; } = "bayview-demo-2026";

    /// <summary>Students in the generated demo district; 0 seeds the demo accounts only.</summary>
    [Range(0, 1_000_000)]
    public int Students { get; set; } = 30_000;
}

/// <summary>
/// A demo sign-in. <see cref="Position"/> is the job the account's directory person holds in the generated district: the
/// generator gives that person the account's name, and the help desk seed links the two by name and position.
/// </summary>
public sealed record DemoAccount(string Email, string DisplayName, string Role, string? Position = null)
{
    public string GivenName => DisplayName[..DisplayName.IndexOf(' ', StringComparison.Ordinal)];

    public string FamilyName => DisplayName[(DisplayName.IndexOf(' ', StringComparison.Ordinal) + 1)..];
}

public static class DemoAccounts
{
    public const string TeacherPosition = "Teacher";
    public const string DesktopTechnicianPosition = "Desktop Technician";

    /// <summary>The generated guardian the demo parent's sign-in belongs to: the first guardian of the first attendance area.</summary>
    public const string ParentGuardianSourcedId = "gdn-000001";

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("admin@bayview.example", "Dana Reyes", Roles.DistrictAdmin, "Chief Technology Officer"),
        new("it.manager@bayview.example", "Marcus Lee", Roles.ItManager, "IT Operations Manager"),
        new("helpdesk@bayview.example", "Priya Natarajan", Roles.HelpDesk, "Help Desk Technician"),
        new("site.tech@bayview.example", "Luis Ortega", Roles.SiteTechnician, DesktopTechnicianPosition),
        new("senior.tech@bayview.example", "Grace Kim", Roles.SeniorTechnician, "Network Technician"),
        new("network@bayview.example", "Omar Haddad", Roles.NetworkEngineer, "Network Engineer"),
        new("data.services@bayview.example", "Hannah Brooks", Roles.DataServices, "Data Integration Analyst"),
        new("teacher@bayview.example", "Rosa Martinez", Roles.SiteStaff, TeacherPosition),
        new("parent@bayview.example", "Ana Silva", Roles.Parent),
    ];

    public static DemoAccount Parent => All.Single(a => a.Role == Roles.Parent);
}

/// <summary>Something a module adds to an empty database in demo mode. Seeds run in <see cref="Order"/>.</summary>
public interface IDemoSeed
{
    int Order { get; }

    /// <summary>The step's name on the setting-up page.</summary>
    string Title { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
