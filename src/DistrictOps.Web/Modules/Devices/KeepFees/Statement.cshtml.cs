using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.KeepFees;

/// <summary>A family's printable fee statement: every current child of the family, with charges, payments, waivers (approver and reason) and the balance.</summary>
[Authorize(Policy = DevicesPermissions.Fees)]
public sealed class StatementModel(StudentDevicesHandler handler, PermissionRegistry permissions) : PageModel
{
    public FamilyStatement Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (await handler.StatementAsync(personId, DeviceUser.Of(HttpContext, DevicesPermissions.Fees, permissions), cancellationToken) is not { } statement)
        {
            return NotFound();
        }

        Statement = statement;
        return Page();
    }
}
