using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Users.EditUser;

/// <summary>The district always keeps one enabled administrator, or nobody could manage accounts from the app again.</summary>
internal static class DistrictAdmins
{
    public const string LastOne =
        "This is the last enabled district administrator: make another account a district administrator first.";

    public static async Task<bool> IsLastEnabledAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var enabled = await (from ur in db.UserRoles
                             join r in db.Roles on ur.RoleId equals r.Id
                             join u in db.Users on ur.UserId equals u.Id
                             where r.Name == Roles.DistrictAdmin && u.DisabledAt == null
                             select u.Id).Take(2).ToListAsync(cancellationToken);
        return enabled.Count == 1 && enabled[0] == userId;
    }
}
