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

public sealed record DemoAccount(string Email, string DisplayName, string Role);

public static class DemoAccounts
{
    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("admin@bayview.example", "Dana Reyes", Roles.DistrictAdmin),
        new("it.manager@bayview.example", "Marcus Lee", Roles.ItManager),
        new("helpdesk@bayview.example", "Priya Natarajan", Roles.HelpDesk),
        new("site.tech@bayview.example", "Luis Ortega", Roles.SiteTechnician),
        new("senior.tech@bayview.example", "Grace Kim", Roles.SeniorTechnician),
        new("network@bayview.example", "Omar Haddad", Roles.NetworkEngineer),
        new("data.services@bayview.example", "Hannah Brooks", Roles.DataServices),
        new("teacher@bayview.example", "Rosa Martinez", Roles.SiteStaff),
        new("parent@bayview.example", "Ana Silva", Roles.Parent),
    ];
}

/// <summary>Something a module adds to an empty database in demo mode. Seeds run in <see cref="Order"/>.</summary>
public interface IDemoSeed
{
    int Order { get; }

    /// <summary>The step's name on the setting-up page.</summary>
    string Title { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
