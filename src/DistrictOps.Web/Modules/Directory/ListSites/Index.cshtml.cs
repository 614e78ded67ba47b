using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.ListSites;

[Authorize(Policy = DirectoryPermissions.View)]
public sealed class IndexModel(ListSitesHandler handler, PermissionRegistry permissions) : PageModel
{
    public ListSitesQuery? Filter { get; private set; }

    public PagedResult<SiteRow> Sites { get; private set; } = new([], 0, 1, ListSitesQuery.PageSizeOnThePage);

    public bool CanImport => permissions.Grants(User, DirectoryPermissions.Import);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = this.ValueOrErrors(ListSitesQuery.Read(Request.Query, ListSitesQuery.PageSizeOnThePage));
        if (Filter is not null)
        {
            Sites = await handler.HandleAsync(Filter, cancellationToken);
        }
    }
}
