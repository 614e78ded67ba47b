using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Platform.Jobs;

[Authorize(Policy = JobsModule.Run)]
public sealed class IndexModel(JobsOverview overview, JobRunner runner) : PageModel
{
    public IReadOnlyList<JobSummary> Jobs { get; private set; } = [];

    public PagedResult<JobRunRow> Runs { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    [TempData]
    public string? RanJob { get; set; }

    [TempData]
    public string? RanOutcome { get; set; }

    [TempData]
    public int? RanChanged { get; set; }

    [TempData]
    public string? RanSummary { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Jobs = await overview.ListAsync(cancellationToken);
        var query = this.ValueOrErrors(JobRunsQuery.Read(Request.Query));
        if (query is not null)
        {
            Runs = await overview.RunsAsync(query, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostRunAsync(string name, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(name, User.DisplayName(), cancellationToken);
        if (run is null)
        {
            return NotFound();
        }

        (RanJob, RanOutcome, RanChanged, RanSummary) = (run.Job, run.Outcome.ToString(), run.Changed, run.Summary);
        return RedirectToPage();
    }
}
