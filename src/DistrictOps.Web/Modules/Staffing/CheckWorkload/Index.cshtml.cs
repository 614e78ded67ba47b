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

    /// <summary>The link that sorts the sites by <paramref name="column"/>: ascending first, the other way when it already is.</summary>
    public string SortLink(string column) =>
        $"/staffing/workload?days={View!.Days}&sort={column}{(View.Sort == column && !View.Descending ? "&desc=true" : "")}#sites";

    /// <summary>The aria-sort value of a column header.</summary>
    public string AriaSort(string column) => View!.Sort != column ? "none" : View.Descending ? "descending" : "ascending";
}
