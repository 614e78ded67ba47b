using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Rostering.ManageApps;

/// <summary>One app: its vendor and data-privacy agreement, what its data-sharing agreement shares, and where to go next.</summary>
[Authorize(Policy = RosteringPermissions.Read)]
public sealed class AppModel(AppsHandler apps, AgreementReader agreements, PermissionRegistry permissions, DistrictTime districtTime) : PageModel
{
    public AppRow App { get; private set; } = null!;

    public AgreementView Agreement { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public bool CanDeliver { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(id, cancellationToken);
        var agreement = await agreements.GetAsync(id, cancellationToken);
        if (!app.Succeeded || !agreement.Succeeded)
        {
            return NotFound();
        }

        (App, Agreement) = (app.Value, agreement.Value);
        CanManage = permissions.Grants(User, RosteringPermissions.Manage);
        CanDeliver = permissions.Grants(User, RosteringPermissions.Deliver);
        Today = districtTime.Today;
        return Page();
    }
}
