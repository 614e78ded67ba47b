using DistrictOps.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Staffing.PlanPhases;

/// <summary>The phased plan from today's team to the model, each phase costed, with its checkpoint.</summary>
[Authorize(Policy = StaffingPermissions.Read)]
public sealed class IndexModel(PlanHandler handler, PermissionRegistry permissions) : PageModel
{
    public PlanView Plan { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanManage = permissions.Grants(User, StaffingPermissions.Manage);
        Plan = await handler.GetAsync(cancellationToken);
    }

    /// <summary>The plan (today and each phase) as CSV or XLSX.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken) =>
        PlanHandler.Table(await handler.GetAsync(cancellationToken)).Download(format, "staffing-plan");
}
