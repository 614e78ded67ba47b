using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.AuditDevices;

public sealed class StartAuditForm
{
    [Display(Name = "Site")]
    public Guid? SiteId { get; set; }

    [Display(Name = "Room (optional: leave empty to audit the whole site)")]
    public string? Room { get; set; }

    [Display(Name = "Name (optional)")]
    public string? Name { get; set; }
}

/// <summary>The audits at the user's sites, open ones first, and the form that starts one for a site or one room.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class IndexModel(AuditDevicesHandler handler, ISiteDirectory sites, PermissionRegistry permissions) : PageModel
{
    [BindProperty]
    public StartAuditForm Input { get; set; } = new();

    public PagedResult<AuditSummary> Audits { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    public IReadOnlyList<SiteSummary> StartSites { get; private set; } = [];

    public Guid? SiteId { get; private set; }

    public bool MayStart => StartSites.Count > 0;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Assign))
        {
            return Forbid();
        }

        var started = await handler.StartAsync(new StartAuditCommand(Input.SiteId, Input.Room, Input.Name), DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions), cancellationToken);
        if (started.Succeeded)
        {
            TempData["Saved"] = $"Audit started: {started.Value.Expected} device(s) expected. Scan them here or on the scan page.";
            return Redirect($"/devices/audits/{started.Value.Id}");
        }

        if (this.RefuseOnPage(started.Failure) is { } refused)
        {
            return refused;
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = started.Kind switch { OutcomeKind.Conflict => StatusCodes.Status409Conflict, OutcomeKind.Forbidden => StatusCodes.Status403Forbidden, _ => StatusCodes.Status400BadRequest };
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = new QueryReader(Request.Query);
        SiteId = query.Id("siteId", "a site id");
        var page = query.Paging();
        ModelState.AddHandlerErrors(query.Errors.ToDictionary(), prefix: "");
        var all = await sites.ListAsync(cancellationToken);
        var reader = DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions);
        var writer = DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions);
        Sites = all.Where(s => reader.Scope.Covers(s.Id)).ToList();
        StartSites = all.Where(s => writer.Scope.Covers(s.Id)).ToList();
        Audits = await handler.ListAsync(reader, SiteId, page, cancellationToken);
    }
}
