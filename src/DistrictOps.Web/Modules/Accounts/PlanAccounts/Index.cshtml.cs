using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Accounts.PlanAccounts;

/// <summary>The directories accounts are kept in, their policy, and the latest plans and applies against each.</summary>
[Authorize(Policy = AccountsPermissions.Read)]
public sealed class IndexModel(AccountSync sync, AppDbContext db) : PageModel
{
    public IReadOnlyList<AccountTarget> Targets => sync.Targets;

    public IReadOnlyList<AccountRun> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Runs = await db.Set<AccountRun>().AsNoTracking().Where(r => r.Kind != RunKind.ResetPassword).OrderByDescending(r => r.StartedAt).Take(20).ToListAsync(cancellationToken);
}
