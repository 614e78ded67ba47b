using DistrictOps.Web.Modules.Directory.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Staffing.ManagePositions;

/// <summary>Both structures, one row per position, as CSV (RFC 4180, UTF-8) or XLSX.</summary>
[Authorize(Policy = StaffingPermissions.Read)]
public sealed class ExportModel(PositionsHandler handler) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string format, CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }

        var (content, contentType) = (await handler.ExportAsync(DirectoryReader.Of(HttpContext), cancellationToken)).Render(format);
        return File(content, contentType, $"positions.{format}");
    }
}
