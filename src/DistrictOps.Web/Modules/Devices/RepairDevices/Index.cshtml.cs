using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.RepairDevices;

/// <summary>Repairs, newest first, filtered by status, kind and site, a page at a time.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class IndexModel(RepairDevicesHandler handler, ISiteDirectory sites, PermissionRegistry permissions) : PageModel
{
    /// <summary>The statuses of a repair not yet closed, the list's "not closed" choice.</summary>
    public static readonly string NotClosed = string.Join(',', RepairStatus.Open, RepairStatus.WaitingForParts, RepairStatus.AtVendor);

    public PagedResult<RepairRow> Repairs { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public RepairFilter Filter { get; private set; } = RepairFilter.All;

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    public bool Opens { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The status choice as the select shows it: one status, "not closed", or empty for all.</summary>
    public string StatusChoice => Filter.Statuses.Count == 3 && !Filter.Statuses.Except([RepairStatus.Open, RepairStatus.WaitingForParts, RepairStatus.AtVendor]).Any()
        ? NotClosed
        : Filter.Statuses.Count == 1 ? Filter.Statuses[0].ToString() : "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions);
        var query = new QueryReader(Request.Query);
        Filter = RepairFilter.Read(query);
        var page = query.Paging();
        Sites = (await sites.ListAsync(cancellationToken)).Where(s => user.Scope.Covers(s.Id)).ToList();
        Opens = permissions.Grants(User, DevicesPermissions.Assign);
        if (query.Errors.Any)
        {
            Errors = query.Then(page).Failure!.Messages;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Repairs = await handler.ListAsync(Filter, page, user, cancellationToken);
    }
}
