using DistrictOps.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Staffing.ReviewModel;

/// <summary>The staffing model: the review's two tables from live data, a chart, and the way to the rest of the module.</summary>
[Authorize(Policy = StaffingPermissions.Read)]
public sealed class IndexModel(ModelHandler handler, PermissionRegistry permissions) : PageModel
{
    public ModelView View { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanManage = permissions.Grants(User, StaffingPermissions.Manage);
        View = await handler.GetAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken cancellationToken)
    {
        var view = await handler.GetAsync(cancellationToken);
        var export = table == "titles" ? ModelHandler.TitlesTable(view) : ModelHandler.SiteSupportTable(view);
        return export.Download(format, $"staffing-{(table == "titles" ? "titles" : "sites")}");
    }
}
