using DistrictOps.Web.Modules.Users.AddUser;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

using DistrictOps.Web.Modules.Users.Contracts;

namespace DistrictOps.Web.Modules.Users;

/// <remarks>
/// Within one scope (a request) it remembers the accounts it returned, so routing a ticket and notifying its assignee
/// read the assignee once; it forgets them when it changes an account itself.
/// </remarks>
internal sealed class UserDirectory(AppDbContext db, AddUserHandler addUser, LeaverAccountsHandler leaverAccounts) : IUserDirectory
{
    private readonly Dictionary<Guid, UserSummary> _seen = [];

    public async Task<IReadOnlyList<UserSummary>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        ids.Count == 1 && _seen.TryGetValue(ids.First(), out var seen)
            ? [seen]
            : await SummariesAsync(db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Id), cancellationToken);

    public async Task<IReadOnlyList<UserSummary>> InRoleAsync(string role, CancellationToken cancellationToken = default)
    {
        var ids = from ur in db.UserRoles
                  join r in db.Roles on ur.RoleId equals r.Id
                  where r.Name == role
                  select ur.UserId;
        return await SummariesAsync(ids, cancellationToken);
    }

    public async Task<IReadOnlyList<UserSummary>> ForPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default) =>
        await SummariesAsync(db.Users.Where(u => u.PersonId != null && personIds.Contains(u.PersonId.Value)).Select(u => u.Id), cancellationToken);

    public async Task<bool> LinkPersonAsync(Guid userId, Guid? personId, CancellationToken cancellationToken = default)
    {
        _seen.Remove(userId);
        return await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PersonId, personId), cancellationToken) == 1;
    }

    public async Task<Result<Guid>> EnsureAccountAsync(AccountRequest account, CancellationToken cancellationToken = default)
    {
        var added = await addUser.HandleAsync(
            new AddUserCommand(account.Email, account.DisplayName, [account.Role], account.Sites, account.Password),
            Actor.Job("Accounts other modules need"), cancellationToken);
        if (!added.Succeeded)
        {
            return added.Failure;
        }

        var userId = added.Value.UserId;
        _seen.Remove(userId);
        if (account.PersonId is { } personId)
        {
            await LinkPersonAsync(userId, personId, cancellationToken);
        }

        return userId;
    }

    public Task<LeaverAccounts> DisableLeaversAsync(IReadOnlyList<Leaver> leavers, CancellationToken cancellationToken = default)
    {
        _seen.Clear();
        return leaverAccounts.HandleAsync(leavers, cancellationToken);
    }

    private async Task<IReadOnlyList<UserSummary>> SummariesAsync(IQueryable<Guid> ids, CancellationToken cancellationToken)
    {
        var users = await db.Users.Where(u => ids.Contains(u.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.PersonId })
            .ToListAsync(cancellationToken);
        var roles = await RolesOfAsync(db, users.Select(u => u.Id).ToList(), cancellationToken);
        var summaries = users.Select(u => new UserSummary(u.Id, u.DisplayName, u.Email ?? "", roles.GetValueOrDefault(u.Id, []), u.PersonId)).ToList();
        foreach (var summary in summaries)
        {
            _seen[summary.Id] = summary;
        }

        return summaries;
    }

    internal static async Task<Dictionary<Guid, string[]>> RolesOfAsync(AppDbContext db, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var rows = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          where userIds.Contains(ur.UserId)
                          select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order(StringComparer.Ordinal).ToArray());
    }
}
