using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.ListDevices;

/// <summary>The register: find a device by tag, serial or holder; filter by site, status, standard or not seen; export what the filter finds.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class IndexModel(ListDevicesHandler handler, ISiteDirectory sites, PermissionRegistry permissions) : PageModel
{
    public DeviceFilter? Filter { get; private set; }

    public PagedResult<DeviceRow> Devices { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Standards { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        var user = DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions);
        var read = DeviceFilter.Read(Request.Query);
        if (!read.Succeeded)
        {
            this.Refuse(read.Failure, prefix: "");
        }
        else
        {
            var (filter, page) = read.Value;
            Filter = filter;
            if (format is "csv" or "xlsx")
            {
                var (content, type) = (await handler.ExportAsync(filter, user, cancellationToken)).Render(format);
                return File(content, type, $"devices.{format}");
            }

            Devices = await handler.ListAsync(filter, page, user, cancellationToken);
        }

        CanManage = permissions.Grants(User, DevicesPermissions.Manage);
        Sites = (await sites.ListAsync(cancellationToken)).Where(s => user.Scope.Covers(s.Id)).ToList();
        Standards = await handler.StandardsAsync(cancellationToken);
        return Page();
    }

    public static IEnumerable<DeviceStatus> Statuses => Enum.GetValues<DeviceStatus>();
}
