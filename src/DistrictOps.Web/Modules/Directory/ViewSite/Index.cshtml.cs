using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.ViewSite;

[Authorize(Policy = DirectoryPermissions.View)]
public sealed class IndexModel(ViewSiteHandler handler) : PageModel
{
    public SiteDetail? Site { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Site = await handler.HandleAsync(id, cancellationToken);
        return Site is null ? NotFound() : Page();
    }
}
