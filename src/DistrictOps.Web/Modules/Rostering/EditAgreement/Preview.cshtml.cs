using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Rostering.EditAgreement;

/// <summary>What the agreement would share today, then enabling (or turning off) sharing for the revision seen.</summary>
[Authorize(Policy = RosteringPermissions.Manage)]
public sealed class PreviewModel(PreviewHandler previews, AgreementHandler agreements) : PageModel
{
    public AgreementPreview Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostEnableAsync(Guid id, int revision, CancellationToken cancellationToken) =>
        WriteAsync(id, ct => agreements.EnableAsync(id, revision, User.Identity?.Name ?? "", ct), "Sharing is on for this revision.", cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken) =>
        WriteAsync(id, ct => agreements.DisableAsync(id, User.Identity?.Name ?? "", ct), "Sharing is off: nothing is delivered and its API client is refused.", cancellationToken);

    private async Task<IActionResult> WriteAsync(Guid id, Func<CancellationToken, Task<Result<AgreementView>>> write, string saved, CancellationToken cancellationToken)
    {
        var result = await write(cancellationToken);
        if (result.Succeeded)
        {
            TempData["Saved"] = saved;
            return Redirect($"/rostering/apps/{id}");
        }

        if (this.Refuse(result.Failure) is { } refused)
        {
            return refused;
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return await ShowAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        var preview = await previews.PreviewAsync(id, new DirectoryReader(User, Request.Path), cancellationToken);
        if (!preview.Succeeded)
        {
            return NotFound();
        }

        Preview = preview.Value;
        return null;
    }
}
