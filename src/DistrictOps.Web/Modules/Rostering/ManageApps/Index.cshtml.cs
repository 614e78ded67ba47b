using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Rostering.ManageApps;

/// <summary>The app registry: every app, its agreement's dates and status, whether sharing is on, its latest delivery.</summary>
[Authorize(Policy = RosteringPermissions.Read)]
public sealed class IndexModel(AppsHandler handler, PermissionRegistry permissions, DistrictTime districtTime) : PageModel
{
    public PagedResult<AppRow> Apps { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public AppStatus? Status { get; private set; }

    public bool CanManage { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(AppStatus? status, int? page, CancellationToken cancellationToken)
    {
        CanManage = permissions.Grants(User, RosteringPermissions.Manage);
        Today = districtTime.Today;
        Status = status is { } s && Enum.IsDefined(s) ? s : null;
        Apps = await handler.ListAsync(Status, new PageRequest(page, null), cancellationToken);
    }
}
