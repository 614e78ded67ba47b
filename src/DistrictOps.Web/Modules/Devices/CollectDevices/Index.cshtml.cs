using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Time;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.CollectDevices;

public sealed class StartCollectionForm
{
    [Display(Name = "Site")]
    public Guid? SiteId { get; set; }

    public DateOnly? DueOn { get; set; }
}

/// <summary>The year-end collections at the user's sites and the form that starts this school year's at a site.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class IndexModel(CollectDevicesHandler handler, ISiteDirectory sites, PermissionRegistry permissions, DistrictTime time) : PageModel
{
    [BindProperty]
    public StartCollectionForm Input { get; set; } = new();

    public PagedResult<CollectionSummary> Collections { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public IReadOnlyList<SiteSummary> StartSites { get; private set; } = [];

    public string SchoolYearNow => SchoolYear.Of(time.Today);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Assign))
        {
            return Forbid();
        }

        var started = await handler.StartAsync(new StartCollectionCommand(Input.SiteId, Input.DueOn), DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions), cancellationToken);
        if (started.Succeeded)
        {
            TempData["Saved"] = $"Collection started: {started.Value.Expected} device(s) out with students are expected back.";
            return Redirect($"/devices/collections/{started.Value.Id}");
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
        var page = QueryReader.ReadPaging(Request.Query);
        var writer = DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions);
        StartSites = (await sites.ListAsync(cancellationToken)).Where(s => writer.Scope.Covers(s.Id)).ToList();
        Collections = await handler.ListAsync(DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions), page.Succeeded ? page.Value : new PageRequest(1, null), cancellationToken);
        Input.DueOn ??= time.Today.AddDays(14);
    }
}
