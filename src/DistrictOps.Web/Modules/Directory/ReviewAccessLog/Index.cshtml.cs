using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Export;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.ReviewAccessLog;

[Authorize(Policy = DirectoryPermissions.AccessLog)]
public sealed class IndexModel(AccessLogHandler handler) : PageModel
{
    public AccessLogQuery? Filter { get; private set; }

    public AccessLogPage Log { get; private set; } = new(new([], 0, 1, PageRequest.DefaultSize), null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = this.ValueOrErrors(AccessLogQuery.Read(Request.Query));
        if (Filter is not null)
        {
            Log = await handler.HandleAsync(Filter, DirectoryReader.Of(HttpContext), cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        Filter = this.ValueOrErrors(AccessLogQuery.Read(Request.Query));
        if (Filter is null)
        {
            return Page();
        }

        return File(CsvExport.Write(await handler.ExportAsync(Filter, DirectoryReader.Of(HttpContext), cancellationToken)), ExportTable.CsvContentType, "access-log.csv");
    }
}
