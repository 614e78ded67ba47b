using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.Requests.ListMyRequests;

[Authorize(Policy = HelpdeskPermissions.Request)]
public sealed class IndexModel(ListMyRequestsHandler handler, ViewerFactory viewers) : PageModel
{
    public PagedResult<MyRequestRow> Requests { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var paging = QueryReader.ReadPaging(Request.Query);
        if (!paging.Succeeded)
        {
            this.Refuse(paging.Failure, prefix: "");
            return;
        }

        Requests = await handler.HandleAsync(await viewers.ForAsync(User, cancellationToken), paging.Value, cancellationToken);
    }
}
