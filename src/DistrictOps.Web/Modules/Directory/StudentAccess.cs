using System.Security.Claims;
using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Modules.Directory;

/// <summary>
/// Who may see which students: only holders of <see cref="DirectoryPermissions.ViewStudents"/>, and a
/// site-scoped role only at its own sites unless the person also holds a district-wide role that grants it.
/// </summary>
public sealed record StudentAccess(bool Any, IReadOnlyList<Guid>? Sites)
{
    public static StudentAccess For(ClaimsPrincipal user, PermissionRegistry permissions)
    {
        if (!permissions.Grants(user, DirectoryPermissions.ViewStudents))
        {
            return new StudentAccess(false, []);
        }

        var districtWide = DirectoryPermissions.All.Single(p => p.Name == DirectoryPermissions.ViewStudents).GrantedTo
            .Any(role => user.IsInRole(role) && Roles.Find(role) is { SiteScoped: false });
        return new StudentAccess(true, districtWide ? null : user.SiteIds());
    }

    public bool Covers(Guid? siteId) => Any && (Sites is null || (siteId is { } id && Sites.Contains(id)));
}
