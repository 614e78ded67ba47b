using DistrictOps.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.StockParts;

/// <summary>One part: change its number, name, standard, reorder level and unit cost, and receive stock.</summary>
[Authorize(Policy = DevicesPermissions.Manage)]
public sealed class PartModel(StockPartsHandler handler) : PageModel
{
    public PartRow Part { get; private set; } = null!;

    public IReadOnlyList<StandardChoice> Standards { get; private set; } = [];

    public PartForm Input { get; private set; } = new();

    public (string Form, IReadOnlyList<string> Messages)? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var page = await LoadAsync(id, cancellationToken);
        Input = Part is null ? Input : PartForm.From(Part);
        return page;
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, PartForm form, CancellationToken cancellationToken)
    {
        var command = form.ToCommand(withOnHand: false);
        var saved = command.Succeeded ? await handler.UpdateAsync(id, command.Value, cancellationToken) : command.Failure;
        if (saved.Succeeded)
        {
            TempData["Saved"] = $"Part {saved.Value.PartNumber} saved.";
            return Redirect($"/devices/parts/{id}");
        }

        Input = form;
        return await RefusedAsync(id, "save", saved.Failure, cancellationToken);
    }

    public async Task<IActionResult> OnPostReceiveAsync(Guid id, int? quantity, int? onHandBefore, CancellationToken cancellationToken)
    {
        var received = await handler.ReceiveAsync(id, new ReceiveParts(quantity, onHandBefore), cancellationToken);
        if (received.Succeeded)
        {
            TempData["Saved"] = $"Received {quantity}; {received.Value.OnHand} on hand.";
            return Redirect($"/devices/parts/{id}");
        }

        var page = await RefusedAsync(id, "receive", received.Failure, cancellationToken);
        Input = Part is null ? Input : PartForm.From(Part);
        return page;
    }

    private async Task<IActionResult> RefusedAsync(Guid id, string form, Failure failure, CancellationToken cancellationToken)
    {
        Refused = (form, failure.Messages);
        var page = await LoadAsync(id, cancellationToken);
        Response.StatusCode = failure.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var part = await handler.FindAsync(id, cancellationToken);
        if (!part.Succeeded)
        {
            return NotFound();
        }

        Part = part.Value;
        Standards = await handler.StandardsAsync(cancellationToken);
        return Page();
    }
}
