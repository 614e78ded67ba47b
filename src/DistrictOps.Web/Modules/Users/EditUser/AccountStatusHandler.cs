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
        SetAsync(userId, actor, AccountChange.Disabled, null, cancellationToken);

    public Task<Result<AccountStatus>> EnableAsync(Guid userId, Actor actor, CancellationToken cancellationToken = default) =>
        SetAsync(userId, actor, AccountChange.Enabled, null, cancellationToken);

    /// <summary>Disables the account of someone HR says has left, recording where HR said so.</summary>
    public Task<Result<AccountStatus>> DisableAsLeaverAsync(Guid userId, string source, CancellationToken cancellationToken = default) =>
        SetAsync(userId, Actor.Job("HR leavers"), AccountChange.DisabledAsLeaver,
            source.Length > AccountEvent.DetailMaxLength ? source[..AccountEvent.DetailMaxLength] : source, cancellationToken);

    private async Task<Result<AccountStatus>> SetAsync(Guid userId, Actor actor, AccountChange change, string? detail, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var manageable = await GrantRules.ManageableAsync(users, permissions, actor, userId);
        if (!manageable.Succeeded)
        {
            return manageable.Failure;
        }

        var user = manageable.Value;
        var disable = change != AccountChange.Enabled;
        if ((user.DisabledAt is not null) == disable)
        {
            return new AccountStatus(user.Id, user.DisabledAt, Changed: false);
        }

        if (disable && await DistrictAdmins.IsLastEnabledAsync(db, user.Id, cancellationToken))
        {
            return Result.Conflict(DistrictAdmins.LastOne);
        }

        user.DisabledAt = disable ? time.GetUtcNow() : null;
        audit.Record(actor, user.Id, change, detail);
        ChangeAccessHandler.Succeeded(await users.UpdateSecurityStampAsync(user));

        await db.SaveChangesAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new AccountStatus(user.Id, user.DisabledAt, Changed: true);
    }
}
