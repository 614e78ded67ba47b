using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Time;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.ReportIncidents;

/// <summary>Report a device lost, stolen or damaged, from the device (<c>?device=TAG</c>): what happened, when, photos.</summary>
[Authorize(Policy = DevicesPermissions.Assign)]
public sealed class NewModel(ReportIncidentHandler handler, PermissionRegistry permissions, DistrictTime time) : PageModel
{
    [BindProperty]
    public IncidentForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public DeviceToReport? Device { get; private set; }

    public string Today => time.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(string? device, CancellationToken cancellationToken)
    {
        Input.Device = device?.Trim();
        Input.OccurredOn = Today;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions);
        var uploads = Photos.Where(p => p.Length > 0).Select(p => (Name: (string?)p.FileName, Content: p.OpenReadStream())).ToList();
        try
        {
            var photos = await ReportIncidentHandler.CheckPhotosAsync(uploads, cancellationToken);
            if (!photos.Succeeded)
            {
                this.Refuse(photos.Failure);
                if (handler.Problems(Input.ToCommand()) is { } problems)
                {
                    this.Refuse(problems);
                }
            }
            else
            {
                var reported = await handler.ReportAsync(Input.ToCommand(), photos.Value, user, cancellationToken);
                if (reported.Succeeded)
                {
                    TempData["Saved"] = reported.Value.Repeated ? "This incident was already reported; nothing changed." : "Incident reported.";
                    return Redirect($"/devices/incidents/{reported.Value.Id}");
                }

                if (this.RefuseOnPage(reported.Failure) is { } refused)
                {
                    return refused;
                }
            }
        }
        finally
        {
            foreach (var (_, content) in uploads)
            {
                await content.DisposeAsync();
            }
        }

        ChoosePhotosAgain = uploads.Count > 0;
        await LoadAsync(cancellationToken);
        Response.StatusCode = Response.StatusCode == StatusCodes.Status403Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The form came back with a problem after pictures were chosen: browsers do not keep them, so they are chosen again.</summary>
    public bool ChoosePhotosAgain { get; private set; }

    public IEnumerable<string> ErrorsOf(string field) => PageOutcomes.ErrorsFor(this, "Input." + field);

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Device = string.IsNullOrWhiteSpace(Input.Device) ? null : await handler.PreviewAsync(Input.Device, DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions), cancellationToken);
}
