using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.ListSites;

[Authorize(Policy = DirectoryPermissions.View)]
public sealed class IndexModel(ListSitesHandler handler, PermissionRegistry permissions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public SiteType? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<SiteRow> Sites { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public bool CanImport => permissions.Grants(User, DirectoryPermissions.Import);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sites = await handler.HandleAsync(new ListSitesQuery(Query, Type, PageNumber, 100), cancellationToken);
}
