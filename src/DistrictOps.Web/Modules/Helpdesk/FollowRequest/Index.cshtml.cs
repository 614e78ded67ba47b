using DistrictOps.Web.Modules.Helpdesk.ViewTicket;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.FollowRequest;

/// <summary>One request as its requester follows it: status, the public timeline, a reply and, once solved, reopening.</summary>
[Authorize(Policy = HelpdeskPermissions.Request)]
public sealed class IndexModel(ViewTicketHandler view, ViewerFactory viewers, IOptions<HelpdeskOptions> options) : PageModel
{
    public TicketDetail Ticket { get; private set; } = null!;

    public IReadOnlyList<TimelineEntry> PublicTimeline { get; private set; } = [];

    [BindProperty]
    public string? Reply { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        if (TicketNumber.Parse(number, options.Value.NumberPrefix) is not { } id
            || await view.HandleAsync(id, await viewers.ForAsync(User, cancellationToken), cancellationToken) is not { } ticket)
        {
            return false;
        }

        Ticket = ticket;
        PublicTimeline = ticket.Timeline.Where(e => e.IsPublic).ToList();
        return true;
    }
}
