using DistrictOps.Web.Modules.Users.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.Web.Modules.Users;

/// <summary>
/// Adds account events to the unit of work; the handler's own SaveChanges inside its transaction writes them with the
/// change, so the log never tells of a change that was rolled back, nor misses one that was made.
/// </summary>
public sealed class AccountAudit(AppDbContext db, TimeProvider time)
{
    public void Record(Actor actor, Guid userId, AccountChange change, string? detail = null) =>
        db.Add(new AccountEvent
        {
            At = time.GetUtcNow(),
            UserId = userId,
            ActorUserId = actor.UserId,
            ActorName = actor.Name.Length > AppUser.DisplayNameMaxLength ? actor.Name[..AppUser.DisplayNameMaxLength] : actor.Name,
            Change = change,
            Detail = detail,
        });

    public void Record(Actor actor, Guid userId, AccountChange change, IEnumerable<string> details)
    {
        foreach (var detail in details)
        {
            Record(actor, userId, change, detail);
        }
    }
}
