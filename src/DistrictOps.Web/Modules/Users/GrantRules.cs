using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;

namespace DistrictOps.Web.Modules.Users;

/// <summary>
/// Nobody gives out more than they hold: a person may grant or remove a role only when they hold every permission the
/// role gives (so an IT manager cannot make anybody, themselves included, a district administrator), and nobody changes
/// their own roles, sites or status.
/// </summary>
public static class GrantRules
{
    /// <summary>The roles among <paramref name="roles"/> that give a permission the actor's own roles do not.</summary>
    public static IReadOnlyList<string> Beyond(PermissionRegistry registry, Actor actor, IEnumerable<string> roles)
    {
        if (actor.Unrestricted)
        {
            return [];
        }

        var held = registry.HeldBy(actor.Roles!);
        return roles.Distinct(StringComparer.OrdinalIgnoreCase).Where(r => !registry.HeldBy([r]).IsSubsetOf(held)).ToList();
    }

    /// <summary>Why the actor may not grant or remove these roles, or null when they may.</summary>
    public static Failure? RefuseRoles(PermissionRegistry registry, Actor actor, IEnumerable<string> roles)
    {
        var beyond = Beyond(registry, actor, roles);
        if (beyond.Count == 0)
        {
            return null;
        }

        var held = registry.HeldBy(actor.Roles!);
        var missing = registry.HeldBy(beyond).Except(held).Order(StringComparer.Ordinal);
        var names = string.Join(", ", beyond.Select(r => Platform.Auth.Roles.Find(r)?.DisplayName ?? r));
        return Result.Forbidden(
            $"{names} gives {string.Join(", ", missing)}, which your roles do not. Only someone holding every permission of a role "
            + "may grant it, remove it, or disable an account that has it: ask a district administrator.");
    }

    /// <summary>The account, when the actor may manage it: not their own, and holding no role beyond the actor's.</summary>
    public static async Task<Result<AppUser>> ManageableAsync(UserManager<AppUser> users, PermissionRegistry registry, Actor actor, Guid userId)
    {
        if (RefuseSelf(actor, userId) is { } ownAccount)
        {
            return ownAccount;
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result.NotFound($"There is no user {userId}.");
        }

        if (RefuseRoles(registry, actor, await users.GetRolesAsync(user)) is { } beyondTheirOwn)
        {
            return beyondTheirOwn;
        }

        return user;
    }

    /// <summary>Why the actor may not change this account, or null when it is not their own.</summary>
    public static Failure? RefuseSelf(Actor actor, Guid userId) =>
        actor.UserId == userId
            ? Result.Forbidden("Nobody changes their own roles, sites or account status; ask another administrator.")
            : null;
}
