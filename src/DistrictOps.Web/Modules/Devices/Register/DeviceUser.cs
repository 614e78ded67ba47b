using System.Security.Claims;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Modules.Devices.Register;

/// <summary>Who works with devices in a request: their name for the history, the sites they act on, the Directory reader for people.</summary>
public sealed record DeviceUser(Guid? UserId, string Name, DeviceScope Scope, DirectoryReader Reader)
{
    public ClaimsPrincipal Principal => Reader.User;

    /// <summary>The user of a page or API request, scoped by the permission the action needs.</summary>
    public static DeviceUser Of(HttpContext context, string permission, PermissionRegistry permissions) =>
        new(context.User.UserId(), context.User.DisplayName(), DeviceScope.For(context.User, permission, permissions), DirectoryReader.Of(context));

    /// <summary>A scheduled job or the command line: every site.</summary>
    public static DeviceUser Job(string name) => new(null, name, new DeviceScope(null), new DirectoryReader(new ClaimsPrincipal(), "/jobs/" + name));
}
