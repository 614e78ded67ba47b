using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using DistrictOps.Web.Modules.Users.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Users.AddUser;

public sealed record AddUserCommand(string? Email, string? DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<Guid> Sites, string? Password);

/// <summary>GeneratedPassword is set when no password was given: shown once, never stored in clear.</summary>
public sealed record AddUserResult(Guid UserId, bool Created, IReadOnlyList<string> AddedRoles, IReadOnlyList<Guid> AddedSites, string? GeneratedPassword)
{
    public bool Changed => Created || AddedRoles.Count > 0 || AddedSites.Count > 0;
}

/// <summary>
/// Adds a user, or gives an existing user (same email) the roles and sites they lack: running the same
/// command twice changes nothing the second time. Roles and sites are never taken away here (<c>EditUser</c> does). The
/// actor may give only roles within their own (<see cref="GrantRules"/>) and never to themselves.
/// </summary>
public sealed class AddUserHandler(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, AppDbContext db, PermissionRegistry permissions, AccountAudit audit, TimeProvider time)
{
    public async Task<Result<AddUserResult>> HandleAsync(AddUserCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = Validate(command);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var email = command.Email!.Trim();
        var roleNames = command.Roles.Select(r => Platform.Auth.Roles.Find(r)!.Name).Distinct().ToList();
        if (GrantRules.RefuseRoles(permissions, actor, roleNames) is { } beyondTheirOwn)
        {
            return beyondTheirOwn;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var user = await users.FindByEmailAsync(email);
        if (user is not null && GrantRules.RefuseSelf(actor, user.Id) is { } ownAccount)
        {
            return ownAccount;
        }

        string? generated = null;
        var created = false;
        if (user is null)
        {
            user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? email.Split('@')[0] : command.DisplayName.Trim(),
                CreatedAt = time.GetUtcNow(),
            };
            var password = command.Password ?? (generated = GeneratePassword());
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                return Result.Invalid(IdentityErrors(result));
            }

            created = true;
        }

        var addedRoles = new List<string>();
        foreach (var role in roleNames)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }

            if (!await users.IsInRoleAsync(user, role))
            {
                await users.AddToRoleAsync(user, role);
                addedRoles.Add(role);
            }
        }

        var existingSites = await db.UserSites.Where(s => s.UserId == user.Id).Select(s => s.SiteId).ToListAsync(cancellationToken);
        var addedSites = command.Sites.Distinct().Except(existingSites).ToList();
        db.UserSites.AddRange(addedSites.Select(s => new UserSite { UserId = user.Id, SiteId = s }));
        if (created)
        {
            audit.Record(actor, user.Id, AccountChange.Created);
        }

        audit.Record(actor, user.Id, AccountChange.RoleGranted, addedRoles);
        audit.Record(actor, user.Id, AccountChange.SiteGranted, addedSites.Select(s => s.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        if (addedSites.Count > 0)
        {
            // Site claims live in the cookie: make existing sign-ins pick up the new scope.
            await users.UpdateSecurityStampAsync(user);
        }

        await transaction.CommitAsync(cancellationToken);
        return new AddUserResult(user.Id, created, addedRoles, addedSites, generated);
    }

    private static ErrorList Validate(AddUserCommand command)
    {
        var errors = new ErrorList();
        if (string.IsNullOrWhiteSpace(command.Email) || !new EmailAddressAttribute().IsValid(command.Email.Trim()))
        {
            errors.Add("email", $"'{command.Email}' is not an email address; expected something like name@district.org.");
        }

        errors.MaxLength("displayName", command.DisplayName, AppUser.DisplayNameMaxLength,
            $"The name can be at most {AppUser.DisplayNameMaxLength} characters.");
        var known = string.Join(", ", Platform.Auth.Roles.All.Select(r => r.Name));
        var unknown = command.Roles.Where(r => Platform.Auth.Roles.Find(r) is null).ToList();
        if (command.Roles.Count == 0)
        {
            errors.Add("roles", $"Give at least one role: {known}.");
        }
        else if (unknown.Count > 0)
        {
            errors.Add("roles", $"Unknown role(s) {string.Join(", ", unknown.Select(r => $"'{r}'"))}; expected one of {known}.");
        }

        return errors;
    }

    private static ErrorList IdentityErrors(IdentityResult result)
    {
        var errors = new ErrorList();
        foreach (var error in result.Errors)
        {
            // Identity names its rules by code (PasswordTooShort, DuplicateEmail, …); the code says which field the rule is about.
            errors.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
        }

        return errors;
    }

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
}
