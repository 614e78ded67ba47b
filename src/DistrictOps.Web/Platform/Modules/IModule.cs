using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Platform.Modules;

/// <summary>A link in the main navigation, shown to those who hold its permission.</summary>
public sealed record NavItem(string Title, string Href, string Permission, string Description);

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
}
