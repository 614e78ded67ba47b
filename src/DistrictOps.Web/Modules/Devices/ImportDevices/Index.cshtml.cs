using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.ImportDevices;

/// <summary>Upload a device file, read its plan (every problem with line and column), then apply it.</summary>
[Authorize(Policy = DevicesPermissions.Manage)]
[RequestSizeLimit(ImportFiles.MaxBytes + 1024 * 1024)]
public sealed class IndexModel(DeviceImporter importer, PermissionRegistry permissions) : PageModel
{
    public ImportPlan? Plan { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync(ImportKind kind, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            ModelState.AddModelError("file", "Choose the CSV file to check.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        return Show(await importer.UploadAsync(kind, file.FileName, content.ToArray(), apply: false, Actor(), cancellationToken));
    }

    public async Task<IActionResult> OnPostApplyAsync(ImportKind kind, string key, string fileName, CancellationToken cancellationToken) =>
        Show(await importer.ApplyAsync(kind, fileName, key, Actor(), cancellationToken));

    private DeviceUser Actor() => DeviceUser.Of(HttpContext, DevicesPermissions.Manage, permissions);

    private PageResult Show(Result<ImportPlan> result)
    {
        if (!result.Succeeded)
        {
            this.Refuse(result.Failure, prefix: "");
            Response.StatusCode = result.Failure.Kind == OutcomeKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            return Page();
        }

        Plan = result.Value;
        return Page();
    }
}
