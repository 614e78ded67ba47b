using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.ReviewImportRuns;

[Authorize(Policy = DirectoryPermissions.Import)]
public sealed class IndexModel(ImportRunsHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<ImportRunRow> Runs { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Runs = await handler.ListAsync(PageNumber, cancellationToken);
}
