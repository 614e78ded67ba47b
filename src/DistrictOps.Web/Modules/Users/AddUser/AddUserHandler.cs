using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Users.AddUser;

public sealed record AddUserCommand(string Email, string? DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<Guid> Sites, string? Password);

/// <summary>GeneratedPassword is set when no password was given: shown once, never stored in clear.</summary>
public sealed record AddUserResult(Guid UserId, bool Created, IReadOnlyList<string> AddedRoles, IReadOnlyList<Guid> AddedSites, string? GeneratedPassword)
{
    public bool Changed => Created || AddedRoles.Count > 0 || AddedSites.Count > 0;
}

/// <summary>
/// Adds a user, or gives an existing user (same email) the roles and sites they lack: running the same
/// command twice changes nothing the second time. Roles and sites are never taken away here.
/// </summary>
public sealed class AddUserHandler(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, AppDbContext db, TimeProvider time)
{
    public async Task<Result<AddUserResult>> HandleAsync(AddUserCommand command, CancellationToken cancellationToken = default)
    {
        var errors = Validate(command);
        if (errors.Count > 0)
        {
            return Result.Invalid<AddUserResult>(errors);
        }

        var email = command.Email.Trim();
        var roleNames = command.Roles.Select(r => Platform.Auth.Roles.Find(r)!.Name).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var user = await users.FindByEmailAsync(email);
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
                return Result.Invalid<AddUserResult>(IdentityErrors(result));
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
        await db.SaveChangesAsync(cancellationToken);
        if (addedSites.Count > 0)
        {
            // Site claims live in the cookie: make existing sign-ins pick up the new scope.
            await users.UpdateSecurityStampAsync(user);
        }

        await transaction.CommitAsync(cancellationToken);
        return new AddUserResult(user.Id, created, addedRoles, addedSites, generated);
    }

    private static Dictionary<string, string[]> Validate(AddUserCommand command)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.Email) || !new EmailAddressAttribute().IsValid(command.Email.Trim()))
        {
            errors["email"] = [$"'{command.Email}' is not an email address; expected something like name@district.org."];
        }

        if (command.Roles.Count == 0)
        {
            errors["roles"] = [$"Give at least one role: {string.Join(", ", Platform.Auth.Roles.All.Select(r => r.Name))}."];
        }
        else
        {
            var unknown = command.Roles.Where(r => Platform.Auth.Roles.Find(r) is null).ToList();
            if (unknown.Count > 0)
            {
                errors["roles"] = [$"Unknown role(s) {string.Join(", ", unknown.Select(r => $"'{r}'"))}; expected one of {string.Join(", ", Platform.Auth.Roles.All.Select(r => r.Name))}."];
            }
        }

        return errors;
    }

    private static Dictionary<string, string[]> IdentityErrors(IdentityResult result) =>
        result.Errors
            .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
}
