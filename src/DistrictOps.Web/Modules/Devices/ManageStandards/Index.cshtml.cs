using DistrictOps.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.ManageStandards;

/// <summary>The standards the district buys and images, with their checklist's state and device counts.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class IndexModel(StandardsHandler handler, PermissionRegistry permissions) : PageModel
{
    public IReadOnlyList<StandardRow> Standards { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanWrite = permissions.Grants(User, DevicesPermissions.Standards);
        Standards = await handler.ListAsync(cancellationToken);
    }
}
