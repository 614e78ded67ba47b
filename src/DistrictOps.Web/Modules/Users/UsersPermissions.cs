using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Modules.Users;

public static class UsersPermissions
{
    public const string Manage = "users.manage";
    public const string OwnTokens = "users.tokens";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Manage, "Add people, give them roles and sites, see every account.", [Roles.DistrictAdmin, Roles.ItManager]),
        new(OwnTokens, "Create and revoke one's own API access tokens.", Roles.Staff),
    ];
}
