using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.ViewSite;

[Authorize(Policy = DirectoryPermissions.View)]
public sealed class IndexModel(ViewSiteHandler handler, SetSiteTypeHandler setType, PermissionRegistry permissions) : PageModel
{
    public SiteDetail? Site { get; private set; }

    public bool CanSetType => permissions.Grants(User, DirectoryPermissions.Import);

    public async Task<IActionResult> OnPostTypeAsync(Guid id, SiteType? type, CancellationToken cancellationToken)
    {
        if (!CanSetType)
        {
            return Forbid();
        }

        var result = await setType.HandleAsync(id, type, cancellationToken);
        return result.Succeeded ? RedirectToPage(new { id }) : this.Refuse(result.Failure) ?? BadRequest();
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(id, cancellationToken);
        if (!result.Succeeded)
        {
            return this.Refuse(result.Failure) ?? NotFound();
        }

        Site = result.Value;
        return Page();
    }
}
