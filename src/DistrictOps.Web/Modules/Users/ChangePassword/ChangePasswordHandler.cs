using DistrictOps.Web.Modules.Users.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace DistrictOps.Web.Modules.Users.ChangePassword;

public sealed record ChangePasswordCommand(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

/// <summary>
/// The signed-in person changes their own password: the current one is required and the new one follows the same rules
/// as every password (Identity's options: 12 characters, 4 different). Identity changes the security stamp with it, so
/// every session of the account ends; the page signs the current one in again. The page and <c>POST /api/v1/me/password</c>
/// both call it. API tokens keep working: they are the caller's own, named and revocable one by one.
/// </summary>
public sealed class ChangePasswordHandler(UserManager<AppUser> users, AppDbContext db, AccountAudit audit)
{
    public async Task<Result<Guid>> HandleAsync(Actor actor, ChangePasswordCommand command, CancellationToken cancellationToken = default)
    {
        var errors = new ErrorList();
        errors.Required("currentPassword", command.CurrentPassword, "Enter your current password.");
        NewPassword.Read(errors, command.NewPassword, command.ConfirmPassword);
        if (errors.Any || actor.UserId is not { } userId)
        {
            return errors.Any ? Result.Invalid(errors) : Result.Forbidden("Only a signed-in person changes their own password.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result.NotFound($"There is no user {userId}.");
        }

        if (!await users.HasPasswordAsync(user))
        {
            return Result.Conflict("This account signs in through the district's single sign-on and has no DistrictOps password.");
        }

        var changed = await users.ChangePasswordAsync(user, command.CurrentPassword!, command.NewPassword!);
        if (!changed.Succeeded)
        {
            return NewPassword.Refused(changed);
        }

        audit.Record(actor, user.Id, AccountChange.PasswordChanged);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }
}
