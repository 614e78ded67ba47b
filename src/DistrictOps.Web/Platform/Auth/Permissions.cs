using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace DistrictOps.Web.Platform.Auth;

/// <summary>A permission a module declares, with the roles that hold it. Its name is also its policy name.</summary>
public sealed record Permission(string Name, string Description, IReadOnlyList<string> GrantedTo);

/// <summary>Every permission the modules declare.</summary>
public sealed class PermissionRegistry
{
    private readonly Dictionary<string, Permission> _byName;

    public PermissionRegistry(IEnumerable<Permission> permissions)
    {
        _byName = new Dictionary<string, Permission>(StringComparer.Ordinal);
        foreach (var permission in permissions)
        {
            if (!_byName.TryAdd(permission.Name, permission))
            {
                throw new InvalidOperationException($"Permission '{permission.Name}' is declared twice.");
            }

            var unknown = permission.GrantedTo.Where(r => Roles.Find(r) is null).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException($"Permission '{permission.Name}' names unknown role(s): {string.Join(", ", unknown)}.");
            }
        }
    }

    public IReadOnlyCollection<Permission> All => _byName.Values;

    public bool Grants(ClaimsPrincipal user, string permission) =>
        _byName.TryGetValue(permission, out var p) && p.GrantedTo.Any(user.IsInRole);

    /// <summary>The permissions these roles give together.</summary>
    public IReadOnlySet<string> HeldBy(IEnumerable<string> roles)
    {
        var names = roles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return _byName.Values.Where(p => p.GrantedTo.Any(names.Contains)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }
}

public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

internal sealed class PermissionHandler(PermissionRegistry registry) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (registry.Grants(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

public static class ClaimsPrincipalExtensions
{
    public const string SiteClaim = "districtops:site";
    public const string PersonClaim = "districtops:person";

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The Directory person the signed-in account belongs to, if it is linked to one.</summary>
    public static Guid? PersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PersonClaim), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(AppClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "";

    public static IReadOnlyList<Guid> SiteIds(this ClaimsPrincipal user) =>
        user.FindAll(SiteClaim).Select(c => Guid.Parse(c.Value)).ToList();

    public static IReadOnlyList<string> RoleNames(this ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
}
