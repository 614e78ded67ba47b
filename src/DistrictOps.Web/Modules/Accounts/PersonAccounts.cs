using System.Security.Claims;
using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Accounts;

/// <summary>A person's accounts in each directory and their ten latest changes, for the Directory's person page; only with <c>accounts.read</c>.</summary>
internal sealed class PersonAccounts(AppDbContext db, PermissionRegistry permissions) : IPersonAccounts
{
    public async Task<IReadOnlyList<PersonAccount>> ForPersonAsync(Guid personId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, AccountsPermissions.Read))
        {
            return [];
        }

        var accounts = await db.Set<ManagedAccount>().AsNoTracking().Where(a => a.PersonId == personId && a.DeletedAt == null).OrderBy(a => a.Target).ToListAsync(cancellationToken);
        var changes = await db.Set<AccountOperation>().AsNoTracking().Where(o => o.PersonId == personId).OrderByDescending(o => o.Id).Take(40).ToListAsync(cancellationToken);
        return accounts.Select(a => new PersonAccount(a.Target, a.Username, a.Dn, a.DisabledAt is not null,
            changes.Where(c => c.Target == a.Target).Take(10).Select(c => new PersonAccountChange(c.At, c.Kind, c.Reason, c.Outcome == OperationOutcome.Done, c.By)).ToList())).ToList();
    }
}
