using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.RegisterDevices;

/// <summary>Add a device, or change one's register fields (tag, serial, standard, site, purchase, warranty, a status no holder is involved in).</summary>
[Authorize(Policy = DevicesPermissions.Manage)]
public sealed class EditModel(RegisterDeviceHandler handler, AppDbContext db, ISiteDirectory siteDirectory, Custody custody, PermissionRegistry permissions) : PageModel
{
    [BindProperty]
    public DeviceForm Input { get; set; } = new();

    public string? AssetTag { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Standards { get; private set; } = [];

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Funding { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? tag, CancellationToken cancellationToken)
    {
        if (tag is not null)
        {
            var device = await custody.FindAsync(tag, Scope(), cancellationToken);
            if (device is null)
            {
                return NotFound();
            }

            Input = DeviceForm.From(device);
            AssetTag = device.AssetTag;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? tag, CancellationToken cancellationToken)
    {
        var user = DeviceUser.Of(HttpContext, DevicesPermissions.Manage, permissions);
        var saved = tag is null
            ? await handler.CreateAsync(Input.ToFields(), user, cancellationToken)
            : await handler.UpdateAsync(tag, new SaveDeviceCommand(Input.ToFields(), Input.Version), user, cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Saved"] = saved.Value.Changed ? (tag is null ? "Device added." : "Saved.") : "Nothing changed.";
            return Redirect($"/devices/{saved.Value.AssetTag}");
        }

        if (this.Refuse(saved.Failure, prefix: "Input.") is { } refused)
        {
            return refused;
        }

        AssetTag = tag;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public IEnumerable<string> ErrorsFor(string field) => PageOutcomes.ErrorsFor(this, "Input." + field);

    private DeviceScope Scope() => DeviceScope.For(User, DevicesPermissions.Manage, permissions);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Standards = (await db.Set<DeviceStandard>().Where(s => s.Status != StandardStatus.Proposed).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture).Select(s => (s.Id, s.Name)).ToList();
        Funding = (await db.Set<FundingSource>().Where(f => f.Active).Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken))
            .OrderBy(f => f.Name, StringComparer.CurrentCulture).Select(f => (f.Id, f.Name)).ToList();
        var scope = Scope();
        Sites = (await siteDirectory.ListAsync(cancellationToken)).Where(s => scope.Covers(s.Id)).ToList();
    }
}
