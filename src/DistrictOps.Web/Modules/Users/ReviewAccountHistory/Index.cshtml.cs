using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Users.ReviewAccountHistory;

[Authorize(Policy = UsersPermissions.Manage)]
public sealed class IndexModel(AccountHistoryHandler handler) : PageModel
{
    public PagedResult<AccountEventRow> Events { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (this.ValueOrErrors(AccountHistoryQuery.Read(Request.Query)) is { } query)
        {
            Events = await handler.HandleAsync(query, cancellationToken);
        }
    }
}
