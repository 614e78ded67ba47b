using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.ManageStandards;

/// <summary>One standard: its fields (while proposed), the compatibility checklist, approval and retirement.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class EditModel(StandardsHandler handler, PermissionRegistry permissions) : PageModel
{
    [BindProperty]
    public StandardForm Input { get; set; } = new();

    public StandardRow? Standard { get; private set; }

    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        CanWrite = permissions.Grants(User, DevicesPermissions.Standards);
        if (id is null)
        {
            return CanWrite ? Page() : Forbid();
        }

        var found = await handler.GetAsync(id.Value, cancellationToken);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Standard = found.Value;
        Input = StandardForm.From(found.Value);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken) =>
        WriteAsync(ct => id is { } existing ? handler.UpdateAsync(existing, Input.ToCommand(), ct) : handler.CreateAsync(Input.ToCommand(), ct),
            id, id is null ? "Saved. Now record the compatibility checks." : "Saved.", cancellationToken);

    public Task<IActionResult> OnPostCheckAsync(Guid id, CheckItem item, CheckResult result, string? notes, CancellationToken cancellationToken) =>
        WriteAsync(ct => handler.RecordCheckAsync(id, new RecordCheckCommand(item, result, notes), Actor(), ct), id, "Check recorded.", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        WriteAsync(ct => handler.ApproveAsync(id, Actor(), ct), id, "Approved: devices may now be bought and registered on this standard.", cancellationToken);

    public Task<IActionResult> OnPostRetireAsync(Guid id, CancellationToken cancellationToken) =>
        WriteAsync(ct => handler.RetireAsync(id, ct), id, "Retired: its devices stay in the register and the refresh forecast.", cancellationToken);

    private DeviceUser Actor() => DeviceUser.Of(HttpContext, DevicesPermissions.Standards, permissions);

    private async Task<IActionResult> WriteAsync(Func<CancellationToken, Task<Result<StandardRow>>> write, Guid? id, string saved, CancellationToken cancellationToken)
    {
        CanWrite = permissions.Grants(User, DevicesPermissions.Standards);
        if (!CanWrite)
        {
            return Forbid();
        }

        var result = await write(cancellationToken);
        if (result.Succeeded)
        {
            TempData["Saved"] = saved;
            return Redirect($"/devices/standards/{result.Value.Id}");
        }

        if (this.Refuse(result.Failure) is { } refused)
        {
            return refused;
        }

        if (id is { } existing && (await handler.GetAsync(existing, cancellationToken)).Value is { } standard)
        {
            Standard = standard;
        }

        Response.StatusCode = result.Failure.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
