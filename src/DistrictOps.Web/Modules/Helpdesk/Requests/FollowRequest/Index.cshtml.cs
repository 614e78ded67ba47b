using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Requests.FollowRequest;

/// <summary>One request as its requester follows it: status, the public timeline, a reply and, once solved, reopening.</summary>
[Authorize(Policy = HelpdeskPermissions.Request)]
public sealed class IndexModel(
    ViewTicketHandler view, CommentHandler comment, ReopenHandler reopen, ViewerFactory viewers, ResponsePromises promises, IOptions<HelpdeskOptions> options) : PageModel
{
    public TicketDetail Ticket { get; private set; } = null!;

    public IReadOnlyList<TimelineEntry> PublicTimeline { get; private set; } = [];

    [BindProperty]
    public string? Reply { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public bool CanReply => Ticket.Status != "Closed" && (Ticket.Status != "Solved" || Ticket.CanReopen);

    /// <summary>Right after sending (<see cref="ResponsePromises.SentKey"/>): who has the request and when a first answer is due.</summary>
    public ResponsePromise? Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        if (Request.Query.ContainsKey(ResponsePromises.SentKey))
        {
            Sent = await promises.ForAsync(Ticket.Id, cancellationToken);
        }

        return Page();
    }

    public Task<IActionResult> OnPostReplyAsync(string number, CancellationToken cancellationToken) =>
        ChangeAsync(number, nameof(Reply), "Your reply was sent.",
            (id, viewer) => comment.HandleAsync(id, new CommentCommand(Reply, IsPublic: true), viewer, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(string number, CancellationToken cancellationToken) =>
        ChangeAsync(number, nameof(Reason), "The request was reopened.",
            (id, viewer) => reopen.HandleAsync(id, Reason, viewer, cancellationToken), cancellationToken);

    private async Task<IActionResult> ChangeAsync(
        string number, string field, string done, Func<long, Viewer, Task<Result<TicketChanged>>> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        var result = await change(Ticket.Id, await viewers.ForAsync(User, cancellationToken));
        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return Redirect($"/helpdesk/requests/{Ticket.Number}");
        }

        foreach (var message in result.Failure.Messages)
        {
            ModelState.AddModelError(field, message);
        }

        await LoadAsync(number, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        if (TicketNumber.Parse(number, options.Value.NumberPrefix) is not { } id
            || await view.HandleAsync(id, await viewers.ForAsync(User, cancellationToken), DirectoryReader.Of(HttpContext), cancellationToken) is not { } ticket)
        {
            return false;
        }

        Ticket = ticket;
        PublicTimeline = ticket.Timeline.Where(e => e.IsPublic).ToList();
        return true;
    }

    public IEnumerable<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}
