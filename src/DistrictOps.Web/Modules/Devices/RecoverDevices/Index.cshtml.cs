using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.RecoverDevices;

/// <summary>Devices still held by people who left, by site, each linking to its device page.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class IndexModel(RecoverDevicesHandler handler, ISiteDirectory sites, PermissionRegistry permissions) : PageModel
{
    public PagedResult<RecoverRow> Devices { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    public Guid? SiteId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = new QueryReader(Request.Query);
        SiteId = query.Id("siteId", "a site id");
        var page = query.Paging();
        ModelState.AddHandlerErrors(query.Errors.ToDictionary(), prefix: "");
        var user = DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions);
        Sites = (await sites.ListAsync(cancellationToken)).Where(s => user.Scope.Covers(s.Id)).ToList();
        Devices = await handler.ListAsync(user, SiteId, page, cancellationToken);
    }
}
