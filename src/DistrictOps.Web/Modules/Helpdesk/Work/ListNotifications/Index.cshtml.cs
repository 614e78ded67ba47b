using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.Work.ListNotifications;

[Authorize(Policy = HelpdeskPermissions.Request)]
public sealed class IndexModel(ListNotificationsHandler handler, PermissionRegistry permissions, TimeProvider clock) : PageModel
{
    public PagedResult<NotificationRow> Notifications { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public int Unread { get; private set; }

    [TempData]
    public int? MarkedRead { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!.Value;
        var paging = QueryReader.ReadPaging(Request.Query);
        if (!paging.Succeeded)
        {
            this.Refuse(paging.Failure, prefix: "");
            return;
        }

        Notifications = await handler.ListAsync(userId, permissions.Grants(User, HelpdeskPermissions.Work), paging.Value, cancellationToken);
        Unread = await handler.UnreadCountAsync(userId, cancellationToken: cancellationToken);
    }

    public async Task<IActionResult> OnPostReadAsync(CancellationToken cancellationToken)
    {
        MarkedRead = (await handler.MarkReadAsync(User.UserId()!.Value, null, clock.GetUtcNow(), cancellationToken)).Marked;
        return RedirectToPage();
    }
}
