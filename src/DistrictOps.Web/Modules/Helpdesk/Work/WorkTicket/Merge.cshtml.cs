using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Work.WorkTicket;

/// <summary>
/// Merging a duplicate shows both tickets side by side first, and warns when they come from different requesters or sites,
/// the two ways a "duplicate" most often is not one. The duplicate becomes read-only once merged.
/// </summary>
[Authorize(Policy = HelpdeskPermissions.Work)]
public sealed class MergeModel(ViewerFactory viewers, ViewTicketHandler view, IOptions<HelpdeskOptions> options) : PageModel
{
    public TicketDetail Duplicate { get; private set; } = null!;

    public TicketDetail? Target { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Into { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public bool OtherRequester => Target is { } target && (Duplicate.RequesterPersonId is not null || target.RequesterPersonId is not null
        ? Duplicate.RequesterPersonId != target.RequesterPersonId
        : !string.Equals(Duplicate.RequesterName, target.RequesterName, StringComparison.OrdinalIgnoreCase)
          || !string.Equals(Duplicate.RequesterEmail, target.RequesterEmail, StringComparison.OrdinalIgnoreCase));

    public bool OtherSite => Target is { } target && target.SiteId != Duplicate.SiteId;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string number, [FromServices] MergeHandler handler, CancellationToken cancellationToken)
    {
        if (TicketNumber.Parse(number, options.Value.NumberPrefix) is not { } id)
        {
            return NotFound();
        }

        var result = await handler.HandleAsync(id, Into, await viewers.ForAsync(User, cancellationToken), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Saved"] = "Merged.";
            return Redirect($"/helpdesk/tickets/{Uri.EscapeDataString(number)}");
        }

        if (result.Failure.Kind == Platform.OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        Problems = result.Failure.Messages;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(number, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        var prefix = options.Value.NumberPrefix;
        var viewer = await viewers.ForAsync(User, cancellationToken);
        if (TicketNumber.Parse(number, prefix) is not { } id || await view.HandleAsync(id, viewer, DirectoryReader.Of(HttpContext), cancellationToken) is not { } duplicate)
        {
            return false;
        }

        Duplicate = duplicate;
        if (TicketNumber.Parse(Into, prefix) is { } targetId && targetId != id)
        {
            Target = await view.HandleAsync(targetId, viewer, DirectoryReader.Of(HttpContext), cancellationToken);
        }

        if (Target is null && Problems.Count == 0 && !string.IsNullOrWhiteSpace(Into))
        {
            Problems = [$"There is no ticket “{Into}” you can see to merge into."];
        }

        return true;
    }
}
