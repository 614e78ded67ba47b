using System.Globalization;
using DistrictOps.Web.Modules.Users.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Users.ResetPassword;

public sealed record ResetLinkIssued(Guid UserId, string Email, DateTimeOffset ExpiresAt);

/// <summary>What the reset page shows above its form: whose password the link sets, and until when it works.</summary>
public sealed record ResetLinkView(string Email, DateTimeOffset ExpiresAt);

public sealed record ResetPasswordCommand(string? Token, string? NewPassword, string? ConfirmPassword);

/// <summary>
/// An administrator emails a person a link to set a new password; the person opens it and sets one. The actor must be
/// allowed to manage the account (<see cref="GrantRules"/>: not their own, no role beyond their own). The link's secret
/// goes only into the email (through the outbox, built on <see cref="HttpOptions.PublicBaseUrl"/>, never the request's
/// host); the database keeps its SHA-256. The link works once and for <see cref="UsersOptions.ResetLinkLifetime"/>: the
/// reset claims it with a conditional UPDATE, so two uses at once cannot both succeed. Setting the password follows the
/// same rules as changing it, changes the security stamp (every session ends) and revokes every API token of the account.
/// </summary>
public sealed class PasswordResetHandler(
    UserManager<AppUser> users,
    AppDbContext db,
    PermissionRegistry permissions,
    AccountAudit audit,
    EmailOutbox outbox,
    DistrictTime districtTime,
    TimeProvider time,
    IOptions<UsersOptions> options,
    IOptions<HttpOptions> http)
{
    public const string EmailKind = "users.password-reset";

    private const string Unknown = "This password reset link is not valid. Copy the whole address from the email, or ask your administrator for a new link.";

    public async Task<Result<ResetLinkIssued>> IssueAsync(Guid userId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.UserId == userId)
        {
            return Result.Forbidden("A reset link is for someone else's account: change your own password at /account/password.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var manageable = await GrantRules.ManageableAsync(users, permissions, actor, userId);
        if (!manageable.Succeeded)
        {
            return manageable.Failure;
        }

        var user = manageable.Value;
        if (user.DisabledAt is not null)
        {
            return Result.Conflict("This account is disabled: enable it first, then send the reset link.");
        }

        if (!await users.HasPasswordAsync(user))
        {
            return Result.Conflict("This account signs in through the district's single sign-on and has no DistrictOps password to reset.");
        }

        var now = time.GetUtcNow();
        await db.Set<PasswordResetLink>().Where(l => l.UserId == user.Id && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.ExpiresAt, now), cancellationToken);
        var secret = PasswordResetLink.NewSecret();
        var link = new PasswordResetLink { UserId = user.Id, TokenHash = PasswordResetLink.Hash(secret), IssuedAt = now, ExpiresAt = now + options.Value.ResetLinkLifetime };
        db.Add(link);
        outbox.Enqueue(Email(user, actor, http.Value.Link("/account/reset-password/" + Uri.EscapeDataString(secret)), link.ExpiresAt));
        audit.Record(actor, user.Id, AccountChange.ResetLinkIssued);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ResetLinkIssued(user.Id, user.Email ?? "", link.ExpiresAt);
    }

    /// <summary>Whether the link still works, and for whom; reading it changes nothing (mail scanners open links).</summary>
    public async Task<Result<ResetLinkView>> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        var hash = PasswordResetLink.Hash(token ?? "");
        var link = await db.Set<PasswordResetLink>().AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null)
        {
            return Result.NotFound(Unknown);
        }

        if (Refuse(link) is { } refused)
        {
            return refused;
        }

        var email = await db.Users.Where(u => u.Id == link.UserId).Select(u => u.Email).SingleAsync(cancellationToken);
        return new ResetLinkView(email ?? "", link.ExpiresAt);
    }

    public async Task<Result<Guid>> ResetAsync(ResetPasswordCommand command, CancellationToken cancellationToken = default)
    {
        var errors = new ErrorList();
        NewPassword.Read(errors, command.NewPassword, command.ConfirmPassword);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var hash = PasswordResetLink.Hash(command.Token ?? "");
        var now = time.GetUtcNow();
        // A refusal below returns without committing: the claim rolls back and the link still works once.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Set<PasswordResetLink>().Where(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.UsedAt, now), cancellationToken);
        var link = await db.Set<PasswordResetLink>().AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (claimed == 0 || link is null)
        {
            return link is null ? Result.NotFound(Unknown) : Refuse(link) ?? Result.NotFound(Unknown);
        }

        var user = await users.FindByIdAsync(link.UserId.ToString());
        if (user is null || user.DisabledAt is not null)
        {
            return Result.Conflict("This account is disabled: its password cannot be set until an administrator enables it.");
        }

        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), command.NewPassword!);
        if (!reset.Succeeded)
        {
            return NewPassword.Refused(reset);
        }

        await db.PersonalAccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
        audit.Record(new Actor(user.Id, user.DisplayName, []), user.Id, AccountChange.PasswordResetByLink);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }

    private Failure? Refuse(PasswordResetLink link) =>
        link.UsedAt is not null
            ? Result.Conflict("This password reset link was already used; it works only once. Nothing was changed. If it was not you, tell your administrator.")
            : link.ExpiresAt <= time.GetUtcNow()
                ? Result.Conflict("This password reset link has expired, or a newer one was sent. Nothing was changed. Ask your administrator for a new link.")
                : null;

    /// <summary>
    /// In English and then Spanish, the UI's two languages: accounts keep no language of their own, and the person who
    /// asked for the link may not read the sender's. Each half links to the reset page in its language.
    /// </summary>
    private EmailMessage Email(AppUser user, Actor actor, string url, DateTimeOffset expiresAt)
    {
        var until = districtTime.Absolute(expiresAt, culture: CultureInfo.GetCultureInfo("en-US"));
        var hasta = districtTime.Absolute(expiresAt, culture: CultureInfo.GetCultureInfo("es-US"));
        var text = $"""
            {actor.Name} sent you a link to set a new password for your DistrictOps account ({user.Email}):

            {url}

            The link works once, until {until}. Setting the password signs the account out everywhere and revokes its API tokens.
            If you did not expect this email, do not use the link, and tell your district's technology department.

            ---

            {actor.Name} le envió un enlace para establecer una nueva contraseña de su cuenta de DistrictOps ({user.Email}):

            {url}?culture=es

            El enlace funciona una sola vez, hasta el {hasta}. Al establecer la contraseña se cierran todas las sesiones de la cuenta y se revocan sus tokens de API.
            Si no esperaba este correo, no use el enlace y avise al departamento de tecnología de su distrito.
            """;
        return new EmailMessage(user.Email!, "Set a new DistrictOps password / Nueva contraseña de DistrictOps", text, null, EmailKind);
    }
}
