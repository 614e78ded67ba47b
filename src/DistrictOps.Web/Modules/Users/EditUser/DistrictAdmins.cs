using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Users.EditUser;

/// <summary>The district always keeps one enabled administrator, or nobody could manage accounts from the app again.</summary>
internal static class DistrictAdmins
{
    /// <summary>Tags the count's SQL, for reading a database's log (and a test that holds two counts side by side).</summary>
    public const string CountTag = "DistrictOps: enabled district administrators";

    public const string LastOne =
        "This is the last enabled district administrator: make another account a district administrator first.";

    /// <summary>
    /// Whether <paramref name="userId"/> is the only enabled district administrator, asked under a lock that every other caller
    /// takes too, so two requests taking away two different administrators cannot both see "there is another one".
    /// The lock is a write to the role's own row, the first write of the caller's transaction: PostgreSQL holds the row lock
    /// until commit, and the count that follows runs in a fresh read-committed snapshot, so the second caller counts after
    /// the first committed. SQLite's transactions (BEGIN IMMEDIATE) are serialized already. A plain UPDATE works on both.
    /// </summary>
    public static async Task<bool> IsLastEnabledAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The last-administrator check needs the caller's transaction to hold its lock until the change is saved.");
        }

        await db.Roles.Where(r => r.Name == Roles.DistrictAdmin)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.ConcurrencyStamp, Guid.NewGuid().ToString()), cancellationToken);
        var enabled = await (from ur in db.UserRoles
                             join r in db.Roles on ur.RoleId equals r.Id
                             join u in db.Users on ur.UserId equals u.Id
                             where r.Name == Roles.DistrictAdmin && u.DisabledAt == null
                             select u.Id).TagWith(CountTag).Take(2).ToListAsync(cancellationToken);
        return enabled.Count == 1 && enabled[0] == userId;
    }
}
