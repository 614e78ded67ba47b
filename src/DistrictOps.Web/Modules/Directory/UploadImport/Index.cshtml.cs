using System.IO.Compression;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.UploadImport;

/// <summary>What the upload fields need to know: whether the calendar may be imported by this person.</summary>
public sealed record UploadForms(bool CanImportCalendar);

[Authorize(Policy = DirectoryPermissions.Import)]
public sealed class IndexModel(UploadImportHandler handler, PermissionRegistry permissions) : PageModel
{
    public UploadForms Forms => new(permissions.Grants(User, DirectoryPermissions.Calendar));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPlanAsync(IFormFile? package, CancellationToken cancellationToken)
    {
        if (package is null || package.Length == 0)
        {
            return Refused(Result.Invalid("package", "Choose the OneRoster zip file to check."));
        }

        return Started(await handler.PlanAsync(ImportKind.OneRoster, package.FileName, await ReadAsync(package, cancellationToken), User.Identity?.Name ?? "", cancellationToken));
    }

    /// <summary>The HR files travel to the background job as one zip, as the HR import reads them from one folder.</summary>
    public async Task<IActionResult> OnPostPlanHrAsync(IFormFile? staff, IFormFile? coverage, CancellationToken cancellationToken)
    {
        if (staff is null || staff.Length == 0)
        {
            return Refused(Result.Invalid("staff", "Choose HR's staff.csv to check."));
        }

        using var zip = new MemoryStream();
        await using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (file, name) in new[] { (staff, StaffImporter.StaffFile), (coverage, StaffImporter.CoverageFile) })
            {
                if (file is { Length: > 0 })
                {
                    await using var entry = await archive.CreateEntry(name).OpenAsync(cancellationToken);
                    await file.CopyToAsync(entry, cancellationToken);
                }
            }
        }

        return Started(await handler.PlanAsync(ImportKind.HrStaff, "hr.zip", zip.ToArray(), User.Identity?.Name ?? "", cancellationToken));
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private IActionResult Started(Result<Guid> started) =>
        started.Succeeded ? Redirect($"/directory/imports/attempts/{started.Value}") : Refused(started.Failure);

    private IActionResult Refused(Failure failure) => this.Refuse(failure, prefix: "") ?? Page();
}
