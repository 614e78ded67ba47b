using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.Requests.ListMyRequests;

[Authorize(Policy = HelpdeskPermissions.Request)]
public sealed class IndexModel(ListMyRequestsHandler handler, ViewerFactory viewers) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<MyRequestRow> Requests { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Requests = await handler.HandleAsync(await viewers.ForAsync(User, cancellationToken), PageNumber, null, cancellationToken);
}
