using DistrictOps.Web.Modules.Users.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace DistrictOps.Web.Modules.Users.EditUser;

public sealed record AccountStatus(Guid UserId, DateTimeOffset? DisabledAt, bool Changed)
{
    public bool Disabled => DisabledAt is not null;
}

/// <summary>
/// Disables an account and enables it again. Disabling changes the security stamp, so every session of the account ends
/// on its next request, and its API tokens stop working while it is disabled (sign-in checks <see cref="AppUser.DisabledAt"/>).
/// Nobody disables or enables themselves, an account holding a role beyond the actor's own, or the last enabled
/// district administrator. Doing it twice changes nothing the second time.
/// </summary>
public sealed class AccountStatusHandler(UserManager<AppUser> users, AppDbContext db, PermissionRegistry permissions, AccountAudit audit, TimeProvider time)
{
    public Task<Result<AccountStatus>> DisableAsync(Guid userId, Actor actor, CancellationToken cancellationToken = default) =>
        SetAsync(userId, actor, disable: true, cancellationToken);

    public Task<Result<AccountStatus>> EnableAsync(Guid userId, Actor actor, CancellationToken cancellationToken = default) =>
        SetAsync(userId, actor, disable: false, cancellationToken);

    private async Task<Result<AccountStatus>> SetAsync(Guid userId, Actor actor, bool disable, CancellationToken cancellationToken)
    {
        if (GrantRules.RefuseSelf(actor, userId) is { } ownAccount)
        {
            return ownAccount;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result.NotFound($"There is no user {userId}.");
        }

        if (GrantRules.RefuseRoles(permissions, actor, await users.GetRolesAsync(user)) is { } beyondTheirOwn)
        {
            return beyondTheirOwn;
        }

        if ((user.DisabledAt is not null) == disable)
        {
            return new AccountStatus(user.Id, user.DisabledAt, Changed: false);
        }

        if (disable && await DistrictAdmins.IsLastEnabledAsync(db, user.Id, cancellationToken))
        {
            return Result.Conflict(DistrictAdmins.LastOne);
        }

        user.DisabledAt = disable ? time.GetUtcNow() : null;
        audit.Record(actor, user.Id, disable ? AccountChange.Disabled : AccountChange.Enabled);
        ChangeAccessHandler.Succeeded(await users.UpdateSecurityStampAsync(user));

        await db.SaveChangesAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new AccountStatus(user.Id, user.DisabledAt, Changed: true);
    }
}
