using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Staffing.CheckWorkload;

/// <summary>Workload per site and technician over a window, against the model, the benchmark band and the workload-based estimate.</summary>
[Authorize(Policy = StaffingPermissions.Read)]
public sealed class IndexModel(WorkloadHandler handler) : PageModel
{
    public WorkloadView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? days, string? sort, bool desc, [FromQuery] int? page, CancellationToken cancellationToken)
    {
        var read = await handler.HandleAsync(new WorkloadQuery(days, sort, desc, page), cancellationToken);
        if (!read.Succeeded)
        {
            this.Refuse(read.Failure, prefix: "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            read = await handler.HandleAsync(new WorkloadQuery(null, null, false, null), cancellationToken);
        }

        View = read.Value;
        return Page();
    }

    /// <summary>Every site (in the page's order) or the technicians, as CSV or XLSX.</summary>
    public async Task<IActionResult> OnGetExportAsync(int? days, string? sort, bool desc, string? table, string? format, CancellationToken cancellationToken)
    {
        var read = await handler.HandleAsync(new WorkloadQuery(days, sort, desc, null, All: true), cancellationToken);
        if (!read.Succeeded)
        {
            return BadRequest(string.Join(" ", read.Failure!.Messages));
        }

        var technicians = table == "technicians";
        return (technicians ? WorkloadHandler.TechniciansTable(read.Value!) : WorkloadHandler.SitesTable(read.Value!))
            .Download(format, $"staffing-workload-{(technicians ? "technicians" : "sites")}-{read.Value!.Days}-days");
    }

    /// <summary>The link to download a table of this view: <paramref name="table"/> is sites or technicians.</summary>
    public string ExportLink(string table, string format) =>
        $"/staffing/workload?handler=Export&days={View!.Days}&sort={View.Sort}{(View.Descending ? "&desc=true" : "")}&table={table}&format={format}";

    /// <summary>The link that sorts the sites by <paramref name="column"/>: ascending first, the other way when it already is.</summary>
    public string SortLink(string column) =>
        $"/staffing/workload?days={View!.Days}&sort={column}{(View.Sort == column && !View.Descending ? "&desc=true" : "")}#sites";

    /// <summary>The aria-sort value of a column header.</summary>
    public string AriaSort(string column) => View!.Sort != column ? "none" : View.Descending ? "descending" : "ascending";
}
