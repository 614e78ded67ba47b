using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.ReportIncidents;

/// <summary>Lost, stolen and damaged devices, newest first, filtered by kind, decision and site; site technicians see their sites'.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class IndexModel(IncidentsHandler handler, ISiteDirectory sites, PermissionRegistry permissions) : PageModel
{
    public IncidentQuery? Query { get; private set; }

    public PagedResult<IncidentRow> Incidents { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    public bool Reports { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions);
        Reports = permissions.Grants(User, DevicesPermissions.Assign);
        Sites = (await sites.ListAsync(cancellationToken)).Where(s => user.Scope.Covers(s.Id)).ToList();
        Query = this.ValueOrErrors(IncidentQuery.Read(Request.Query));
        if (Query is not null)
        {
            Incidents = await handler.ListAsync(Query, user, cancellationToken);
        }
    }
}
