using DistrictOps.Web.Modules.Directory.Importing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.UploadImport;

[Authorize(Policy = DirectoryPermissions.Import)]
public sealed class IndexModel(UploadImportHandler handler) : PageModel
{
    public ImportPlan? Plan { get; private set; }

    public Guid? UploadId { get; private set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPlanAsync(IFormFile? package, CancellationToken cancellationToken)
    {
        if (package is null || package.Length == 0)
        {
            Message = "Choose the OneRoster zip file to check.";
            return Page();
        }

        await using var stream = package.OpenReadStream();
        (Plan, UploadId) = await handler.PlanAsync(package.FileName, stream, User.Identity?.Name ?? "", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid uploadId, bool allowShrink, CancellationToken cancellationToken)
    {
        var outcome = await handler.ApplyAsync(uploadId, new ImportOptions(allowShrink, RunBy: User.Identity?.Name ?? ""), cancellationToken);
        if (outcome is null)
        {
            Message = "That upload was applied already or has expired; send the package again.";
            return Page();
        }

        if (outcome.RunId is { } runId)
        {
            return Redirect($"/directory/imports/{runId}");
        }

        Plan = outcome.Plan;
        UploadId = uploadId;
        return Page();
    }
}
