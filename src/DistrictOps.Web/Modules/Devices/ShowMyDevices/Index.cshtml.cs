using DistrictOps.Web.Modules.Devices.Contracts;
using DistrictOps.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.ShowMyDevices;

/// <summary>A staff member's own devices, each with a quick way to report a problem with it.</summary>
[Authorize(Policy = DevicesPermissions.Mine)]
public sealed class IndexModel(IPersonDevices devices) : PageModel
{
    public IReadOnlyList<HeldDevice> Devices { get; private set; } = [];

    public bool Linked { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Linked = User.PersonId() is not null;
        Devices = User.PersonId() is { } person ? await devices.HeldByAsync(person, cancellationToken) : [];
    }
}
