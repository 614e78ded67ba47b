using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Modules.Directory.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.ReviewImportRuns;

[Authorize(Policy = DirectoryPermissions.Import)]
public sealed class RunModel(ImportRunsHandler handler) : PageModel
{
    public ImportRunDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? entity, ChangeKind? kind, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Detail = await handler.GetAsync(id, entity, kind, pageNumber, cancellationToken);
        return Detail is null ? NotFound() : Page();
    }
}
