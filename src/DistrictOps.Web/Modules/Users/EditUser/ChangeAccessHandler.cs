using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Users.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Users.EditUser;

public sealed record ChangeAccessCommand(
    Guid UserId,
    IReadOnlyList<string> AddRoles,
    IReadOnlyList<string> RemoveRoles,
    IReadOnlyList<Guid> AddSites,
    IReadOnlyList<Guid> RemoveSites)
{
    /// <summary>The change from what the account has to what a form asks for.</summary>
    public static ChangeAccessCommand Between(UserDetail current, IReadOnlyList<string> roles, IReadOnlyList<Guid> sites)
    {
        var had = current.Roles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var want = roles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hadSites = current.Sites.Select(s => s.Id).ToList();
        return new ChangeAccessCommand(current.Id,
            want.Where(r => !had.Contains(r)).ToList(), had.Where(r => !want.Contains(r)).ToList(),
            sites.Except(hadSites).ToList(), hadSites.Except(sites).ToList());
    }
}

public sealed record AccessChange(Guid UserId, IReadOnlyList<string> AddedRoles, IReadOnlyList<string> RemovedRoles, IReadOnlyList<Guid> AddedSites, IReadOnlyList<Guid> RemovedSites)
{
    public bool Changed => AddedRoles.Count + RemovedRoles.Count + AddedSites.Count + RemovedSites.Count > 0;
}

/// <summary>
/// Gives an account roles and sites, and takes them away. The actor must hold every permission of each role added or
/// removed and may not change their own account; the last enabled district administrator keeps the role. A change ends the
/// account's sessions (security stamp), so nobody keeps a removed role in an old cookie.
/// </summary>
public sealed class ChangeAccessHandler(
    UserManager<AppUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    AppDbContext db,
    PermissionRegistry permissions,
    ISiteDirectory siteDirectory,
    AccountAudit audit)
{
    public async Task<Result<AccessChange>> HandleAsync(ChangeAccessCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = Validate(command);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var add = Canonical(command.AddRoles);
        var remove = Canonical(command.RemoveRoles);
        if ((GrantRules.RefuseSelf(actor, command.UserId) ?? GrantRules.RefuseRoles(permissions, actor, add.Concat(remove))) is { } refused)
        {
            return refused;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null)
        {
            return Result.NotFound($"There is no user {command.UserId}.");
        }

        var current = await users.GetRolesAsync(user);
        var addedRoles = add.Except(current, StringComparer.Ordinal).ToList();
        var removedRoles = remove.Intersect(current, StringComparer.Ordinal).ToList();
        if (removedRoles.Contains(Roles.DistrictAdmin) && await DistrictAdmins.IsLastEnabledAsync(db, user.Id, cancellationToken))
        {
            return Result.Conflict(DistrictAdmins.LastOne);
        }

        var currentSites = await db.UserSites.Where(s => s.UserId == user.Id).Select(s => s.SiteId).ToListAsync(cancellationToken);
        var addedSites = command.AddSites.Distinct().Except(currentSites).ToList();
        var removedSites = command.RemoveSites.Distinct().Intersect(currentSites).ToList();
        if (await UnknownSitesAsync(addedSites, cancellationToken) is { Count: > 0 } unknown)
        {
            return Result.Invalid("addSites", $"No site has the id {string.Join(", ", unknown)}; the Directory's sites list the ids.");
        }

        var change = new AccessChange(user.Id, addedRoles, removedRoles, addedSites, removedSites);
        if (change.Changed)
        {
            await ApplyAsync(user, change, actor, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return change;
    }

    private async Task ApplyAsync(AppUser user, AccessChange change, Actor actor, CancellationToken cancellationToken)
    {
        foreach (var role in change.AddedRoles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }

        Succeeded(await users.AddToRolesAsync(user, change.AddedRoles));
        Succeeded(await users.RemoveFromRolesAsync(user, change.RemovedRoles));
        db.UserSites.AddRange(change.AddedSites.Select(s => new UserSite { UserId = user.Id, SiteId = s }));
        await db.UserSites.Where(s => s.UserId == user.Id && change.RemovedSites.Contains(s.SiteId)).ExecuteDeleteAsync(cancellationToken);
        audit.Record(actor, user.Id, AccountChange.RoleGranted, change.AddedRoles);
        audit.Record(actor, user.Id, AccountChange.RoleRemoved, change.RemovedRoles);
        audit.Record(actor, user.Id, AccountChange.SiteGranted, change.AddedSites.Select(s => s.ToString()));
        audit.Record(actor, user.Id, AccountChange.SiteRemoved, change.RemovedSites.Select(s => s.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        Succeeded(await users.UpdateSecurityStampAsync(user));
    }

    private async Task<List<Guid>> UnknownSitesAsync(IReadOnlyList<Guid> siteIds, CancellationToken cancellationToken)
    {
        var unknown = new List<Guid>();
        foreach (var siteId in siteIds)
        {
            if (await siteDirectory.FindAsync(siteId, cancellationToken) is null)
            {
                unknown.Add(siteId);
            }
        }

        return unknown;
    }

    private static ErrorList Validate(ChangeAccessCommand command)
    {
        var errors = new ErrorList();
        var known = string.Join(", ", Roles.All.Select(r => r.Name));
        foreach (var (field, names) in new[] { ("addRoles", command.AddRoles), ("removeRoles", command.RemoveRoles) })
        {
            var unknown = names.Where(r => Roles.Find(r) is null).ToList();
            if (unknown.Count > 0)
            {
                errors.Add(field, $"Unknown role(s) {string.Join(", ", unknown.Select(r => $"'{r}'"))}; expected one of {known}.");
            }
        }

        if (command.AddRoles.Intersect(command.RemoveRoles, StringComparer.OrdinalIgnoreCase).Any()
            || command.AddSites.Intersect(command.RemoveSites).Any())
        {
            errors.Add("removeRoles", "A role or site cannot be both added and removed in one change.");
        }

        return errors;
    }

    private static List<string> Canonical(IEnumerable<string> names) => names.Select(r => Roles.Find(r)!.Name).Distinct().ToList();

    /// <summary>Identity's role and stamp updates fail only on a concurrent change to the same account: let the request fail.</summary>
    internal static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
