using DistrictOps.Web.Modules.Directory.ImportOneRoster;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Modules;

namespace DistrictOps.Web.Modules.Directory;

/// <summary>Sites, people and rosters from the SIS and HR, the school calendar, and the imports that keep them current.</summary>
public sealed class DirectoryModule : IModule
{
    public string Name => "Directory";

    public IReadOnlyList<Permission> Permissions => DirectoryPermissions.All;

    public IReadOnlyList<NavItem> Navigation { get; } = [];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OneRosterImporter>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
