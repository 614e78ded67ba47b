using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.RepairDevices;

/// <summary>One repair: its status, the parts it used, labor and vendor cost, and closing it, which gives the device back.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class DetailModel(RepairDevicesHandler handler, PermissionRegistry permissions) : PageModel
{
    public RepairDetail Repair { get; private set; } = null!;

    public IReadOnlyList<PartChoice> Parts { get; private set; } = [];

    public bool Works { get; private set; }

    /// <summary>Which form failed, and why, when a post is refused.</summary>
    public (string Form, IReadOnlyList<string> Messages)? Refused { get; private set; }

    /// <summary>What was typed in the refused form, shown again.</summary>
    public IReadOnlyDictionary<string, string?> Entered { get; private set; } = new Dictionary<string, string?>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostUpdateAsync(long id, RepairStatus? status, RepairKind? kind, string? vendorRma, string? labor, string? vendor, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var (laborCents, vendorCents) = (Dollars("labor", labor, errors), Dollars("vendor", vendor, errors));
        var entered = new Dictionary<string, string?> { ["vendorRma"] = vendorRma, ["labor"] = labor, ["vendor"] = vendor };
        return RunAsync(id, "update", entered, errors, user => handler.UpdateAsync(id, new UpdateRepair(status, kind, vendorRma ?? "", laborCents, vendorCents), user, cancellationToken),
            "Repair saved.", cancellationToken);
    }

    public Task<IActionResult> OnPostPartsAsync(long id, string? part, int? quantity, CancellationToken cancellationToken) =>
        RunAsync(id, "parts", new Dictionary<string, string?> { ["part"] = part, ["quantity"] = quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new ErrorList(),
            user => handler.UsePartsAsync(id, new UseParts(part, quantity), user, cancellationToken), "Parts saved; the stock on hand changed with them.", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(long id, RepairOutcome? outcome, string? resolution, string? labor, string? vendor, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var (laborCents, vendorCents) = (Dollars("labor", labor, errors), Dollars("vendor", vendor, errors));
        var entered = new Dictionary<string, string?> { ["resolution"] = resolution, ["labor"] = labor, ["vendor"] = vendor, ["outcome"] = outcome?.ToString() };
        return RunAsync(id, "close", entered, errors, user => handler.CloseAsync(id, new CloseRepair(outcome, resolution, laborCents, vendorCents), user, cancellationToken),
            "Repair closed.", cancellationToken);
    }

    private async Task<IActionResult> RunAsync(
        long id, string form, Dictionary<string, string?> entered, ErrorList errors, Func<DeviceUser, Task<Result<RepairDetail>>> action, string saved, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Assign))
        {
            return Forbid();
        }

        var result = errors.Any ? Result.Invalid(errors) : await action(DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions));
        if (result.Succeeded)
        {
            TempData["Saved"] = saved;
            return Redirect($"/devices/repairs/{id}#{form}");
        }

        if (result.Failure.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
        {
            return result.Failure.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
        }

        (Refused, Entered) = ((form, result.Failure.Messages), entered);
        var page = await LoadAsync(id, cancellationToken);
        Response.StatusCode = result.Failure.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var repair = await handler.DetailAsync(id, DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions), cancellationToken);
        if (!repair.Succeeded)
        {
            return NotFound();
        }

        Repair = repair.Value;
        Works = permissions.Grants(User, DevicesPermissions.Assign);
        Parts = Works && Repair.IsOpen ? await handler.PartChoicesAsync(Repair.StandardId, cancellationToken) : [];
        return Page();
    }

    private static long? Dollars(string field, string? text, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cents = Money.Parse(text);
        if (cents is null)
        {
            errors.Add(field, $"{(field == "labor" ? "Labor" : "Vendor cost")}: expected an amount in dollars such as 45.00; got '{text.Trim()}'.");
        }

        return cents;
    }
}
