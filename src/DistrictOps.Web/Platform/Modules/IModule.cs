using System.Security.Claims;
using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Platform.Modules;

/// <summary>A link in the main navigation, shown to those who hold its permission, under its <see cref="NavGroups">group</see>.</summary>
public sealed record NavItem(string Title, string Href, string Permission, string Description, string Group);

/// <summary>The headings of the main navigation, in the order they are shown.</summary>
public static class NavGroups
{
    public const string HelpDesk = "Help desk";
    public const string Devices = "Devices";
    public const string Directory = "Directory";
    public const string Planning = "Planning";
    public const string Administration = "Administration";

    private static readonly string[] InOrder = [HelpDesk, Devices, Directory, Planning, Administration];

    /// <summary>Where the group comes in the navigation; a group not listed here comes last.</summary>
    public static int Order(string group) => Array.IndexOf(InOrder, group) is var i and >= 0 ? i : InOrder.Length;
}

/// <summary>
/// The big button on the home page of those <see cref="Shows"/> picks (a teacher's "Report a problem"): a module registers
/// it as a service, so the home page offers it without knowing the module.
/// </summary>
public sealed record HomeAction(string Title, string Href, string Description, Func<ClaimsPrincipal, PermissionRegistry, bool> Shows);

/// <summary>
/// A number shown beside one navigation link for the signed-in user (unread notifications). A module offers it for its
/// own link, so the layout shows it without knowing the module. Every page shows it, so it counts no further than
/// <see cref="Cap"/> + 1: the layout shows more than <see cref="Cap"/> as "99+".
/// </summary>
public interface INavCount
{
    const int Cap = 99;

    string Href { get; }

    Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

/// <summary>What a module adds to the platform: services, permissions, navigation and API endpoints.</summary>
public interface IModule
{
    string Name { get; }

    IReadOnlyList<Permission> Permissions { get; }

    IReadOnlyList<NavItem> Navigation { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}

/// <summary>The modules of this build, in navigation order.</summary>
public sealed class ModuleCatalog(IReadOnlyList<IModule> modules)
{
    public IReadOnlyList<IModule> Modules { get; } = modules;

    public IEnumerable<Permission> Permissions => Modules.SelectMany(m => m.Permissions);

    public IEnumerable<NavItem> Navigation => Modules.SelectMany(m => m.Navigation);

    /// <summary>The links <paramref name="user"/> may follow, by group in <see cref="NavGroups.Order"/>.</summary>
    public IReadOnlyList<IGrouping<string, NavItem>> NavigationFor(ClaimsPrincipal user, PermissionRegistry permissions) =>
        Navigation.Where(n => permissions.Grants(user, n.Permission))
            .GroupBy(n => n.Group)
            .OrderBy(g => NavGroups.Order(g.Key))
            .ToList();
}
