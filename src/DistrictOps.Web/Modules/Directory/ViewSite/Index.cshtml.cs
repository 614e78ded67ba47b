using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Auth;
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

        return await setType.HandleAsync(id, type, cancellationToken) is null ? NotFound() : RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Site = await handler.HandleAsync(id, cancellationToken);
        return Site is null ? NotFound() : Page();
    }
}
