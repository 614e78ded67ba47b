using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.ViewDevice;

/// <summary>One device, and the steps a technician takes at it: check out, check in, found, retire.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class IndexModel(ViewDeviceHandler handler, Custody custody, PermissionRegistry permissions) : PageModel
{
    public DeviceDetail Device { get; private set; } = null!;

    public bool CanAssign { get; private set; }

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string tag, CancellationToken cancellationToken) =>
        await LoadAsync(tag, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCheckOutAsync(string tag, string? person, string? room, Accessories[]? accessories, CancellationToken cancellationToken) =>
        AssignAsync(tag, ct => custody.CheckOutAsync(new CheckOut(tag, PersonNumber: person, Room: room, Accessories: Combine(accessories)), Actor(), ct), cancellationToken);

    public Task<IActionResult> OnPostCheckInAsync(string tag, Condition condition, Accessories[]? accessories, string? notes, CancellationToken cancellationToken) =>
        AssignAsync(tag, ct => custody.CheckInAsync(new CheckIn(tag, condition, Combine(accessories), notes), Actor(), ct), cancellationToken);

    public async Task<IActionResult> OnPostStatusAsync(string tag, DeviceStatus status, string? reason, CancellationToken cancellationToken)
    {
        var changed = await handler.ChangeStatusAsync(tag, new ChangeStatusCommand(status, reason), Actor(), cancellationToken);
        if (changed.Succeeded)
        {
            TempData["Saved"] = $"Now {DeviceStatuses.Words(status)}.";
            return Redirect($"/devices/{changed.Value.AssetTag}");
        }

        return await AgainAsync(tag, changed.Failure, cancellationToken);
    }

    private async Task<IActionResult> AssignAsync(string tag, Func<CancellationToken, Task<Result<CustodyDone>>> step, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Assign))
        {
            return Forbid();
        }

        var done = await step(cancellationToken);
        if (!done.Succeeded)
        {
            return await AgainAsync(tag, done.Failure, cancellationToken);
        }

        TempData["Saved"] = string.Join(" ", done.Value.Warnings.Prepend(done.Value.Status == DeviceStatus.InStock ? "Checked in." : $"Checked out to {done.Value.HolderName}."));
        return Redirect($"/devices/{done.Value.AssetTag}");
    }

    private async Task<IActionResult> AgainAsync(string tag, Failure failure, CancellationToken cancellationToken)
    {
        if (this.Refuse(failure, prefix: "") is { } refused && failure.Kind != OutcomeKind.NotFound)
        {
            return refused;
        }

        if (!await LoadAsync(tag, cancellationToken))
        {
            return NotFound();
        }

        if (failure.Kind == OutcomeKind.NotFound)
        {
            ModelState.AddModelError(string.Empty, failure.Message);
        }

        Response.StatusCode = failure.Kind == OutcomeKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(string tag, CancellationToken cancellationToken)
    {
        CanAssign = permissions.Grants(User, DevicesPermissions.Assign);
        CanManage = permissions.Grants(User, DevicesPermissions.Manage);
        var found = await handler.GetAsync(tag, DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions), cancellationToken);
        Device = found.Value!;
        return found.Succeeded;
    }

    private DeviceUser Actor() => DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions);

    private static Accessories Combine(Accessories[]? chosen) => (chosen ?? []).Aggregate(Accessories.None, (all, one) => all | one);
}
