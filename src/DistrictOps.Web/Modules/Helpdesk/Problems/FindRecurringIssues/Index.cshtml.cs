using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.Problems.FindRecurringIssues;

/// <summary>The top recurring issues with their trend, and a button per cluster to open a problem record from it.</summary>
[Authorize(Policy = HelpdeskPermissions.Work)]
public sealed class IndexModel(RecurringIssuesHandler handler, ViewerFactory viewers, ISiteDirectory siteDirectory) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Site { get; set; }

    public RecurringIssuesReport? Report { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    public bool CanOpenProblems { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostOpenProblemAsync(int issueTypeId, string? deviceModel, Guid siteId, CancellationToken cancellationToken)
    {
        var viewer = await viewers.ForAsync(User, cancellationToken);
        if (!ProblemsHandler.CanEdit(viewer))
        {
            return Forbid();
        }

        var result = await handler.OpenProblemAsync(new OpenProblemFromClusterCommand(issueTypeId, deviceModel, siteId, From, To), viewer, cancellationToken);
        if (result.Succeeded)
        {
            Saved = result.Value!.Created ? "Problem record opened; the cluster's open and recent tickets are linked to it." : "An open problem record already covers these tickets: here it is.";
            return Redirect($"/helpdesk/problems/{result.Value.ProblemId}");
        }

        await LoadAsync(cancellationToken);
        Errors = result.Failure.Messages;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var viewer = await viewers.ForAsync(User, cancellationToken);
        CanOpenProblems = ProblemsHandler.CanEdit(viewer);
        Sites = await siteDirectory.ListAsync(cancellationToken);
        var result = await handler.FindAsync(new RecurringIssuesQuery(From, To, Site), viewer, cancellationToken);
        Report = result.Value;
        Errors = result.Failure?.Messages ?? [];
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
