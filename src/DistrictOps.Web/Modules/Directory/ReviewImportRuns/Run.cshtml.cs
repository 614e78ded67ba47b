using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.ReviewImportRuns;

[Authorize(Policy = DirectoryPermissions.Import)]
public sealed class RunModel(ImportRunsHandler handler) : PageModel
{
    public ImportRunDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var query = ImportChangesQuery.Read(Request.Query);
        if (!query.Succeeded)
        {
            return BadRequest();
        }

        var detail = await handler.GetAsync(id, query.Value, cancellationToken);
        if (!detail.Succeeded)
        {
            return this.Refuse(detail.Failure) ?? BadRequest();
        }

        Detail = detail.Value;
        return Page();
    }
}
