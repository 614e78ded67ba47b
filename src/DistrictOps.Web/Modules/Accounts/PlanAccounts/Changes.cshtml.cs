using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Accounts.PlanAccounts;

/// <summary>Every change made in a directory, newest first, with who, when and why; searchable by username or DN, directory and run.</summary>
[Authorize(Policy = AccountsPermissions.Read)]
public sealed class ChangesModel(AccountAudit audit, AccountSync sync) : PageModel
{
    public PagedResult<OperationRow> Changes { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public string? Query { get; private set; }

    public string? Target { get; private set; }

    public Guid? Run { get; private set; }

    public IReadOnlyList<string> Targets => sync.Targets.Select(t => t.Name).ToList();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = new QueryReader(Request.Query);
        (Query, Target, Run) = (query.Text("q", 200), query.Text("target", 64), query.Id("run", "a run id"));
        var page = query.Paging();
        ModelState.AddHandlerErrors(query.Errors.ToDictionary(), prefix: "");
        Changes = await audit.SearchAsync(null, Query, Target, Run, page, cancellationToken);
    }
}
