using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace DistrictOps.Web.Modules.Devices.StockParts;

/// <summary>The parts inventory, by part number, with a filter for what to reorder; managers add parts and receive stock.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class IndexModel(StockPartsHandler handler, PermissionRegistry permissions) : PageModel
{
    public PagedResult<PartRow> Parts { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public IReadOnlyList<StandardChoice> Standards { get; private set; } = [];

    public bool Below { get; private set; }

    public string? Search { get; private set; }

    public bool Manages { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Which form failed (the new part, or a part's receipt by id), and why.</summary>
    public (string Form, IReadOnlyList<string> Messages)? Refused { get; private set; }

    public PartForm Entered { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(PartForm form, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Manage))
        {
            return Forbid();
        }

        var command = form.ToCommand(withOnHand: true);
        var created = command.Succeeded ? await handler.CreateAsync(command.Value, cancellationToken) : command.Failure;
        if (created.Succeeded)
        {
            TempData["Saved"] = $"Part {created.Value.PartNumber} added.";
            return Redirect($"/devices/parts?q={Uri.EscapeDataString(created.Value.PartNumber)}");
        }

        (Refused, Entered) = (("create", created.Failure.Messages), form);
        await LoadAsync(cancellationToken);
        Response.StatusCode = created.Failure.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostReceiveAsync(Guid id, int? quantity, int? onHandBefore, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Manage))
        {
            return Forbid();
        }

        var received = await handler.ReceiveAsync(id, new ReceiveParts(quantity, onHandBefore), cancellationToken);
        if (received.Succeeded)
        {
            TempData["Saved"] = $"Received {quantity} of {received.Value.PartNumber}; {received.Value.OnHand} on hand.";
            return Redirect(QueryHelpers.AddQueryString("/devices/parts", Request.Query.Where(q => q.Key is "q" or "below" or "page").ToDictionary(q => q.Key, q => (string?)q.Value.ToString())));
        }

        if (received.Failure.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        Refused = (id.ToString(), received.Failure.Messages);
        await LoadAsync(cancellationToken);
        Response.StatusCode = received.Failure.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = new QueryReader(Request.Query);
        Below = query.List("below").Contains("true", StringComparer.OrdinalIgnoreCase);
        Search = query.Text("q", Data.Part.NameMaxLength);
        var page = query.Paging();
        Manages = permissions.Grants(User, DevicesPermissions.Manage);
        Standards = Manages ? await handler.StandardsAsync(cancellationToken) : [];
        if (query.Errors.Any)
        {
            Errors = query.Then(page).Failure!.Messages;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Parts = await handler.ListAsync(Below, Search, page, cancellationToken);
    }
}
