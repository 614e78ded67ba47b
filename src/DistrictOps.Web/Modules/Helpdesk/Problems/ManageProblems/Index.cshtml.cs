using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.Problems.ManageProblems;

/// <summary>The problem records, filtered by status, and a form to open one by hand.</summary>
[Authorize(Policy = HelpdeskPermissions.Work)]
public sealed class IndexModel(ProblemsHandler handler, ViewerFactory viewers, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public PagedResult<ProblemRow> Problems { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public bool CanEdit { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<IssueType> IssueTypes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? title, string? rootCause, string? workaround, int? issueTypeId, string? deviceModel, CancellationToken cancellationToken)
    {
        var viewer = await viewers.ForAsync(User, cancellationToken);
        if (!ProblemsHandler.CanEdit(viewer))
        {
            return Forbid();
        }

        var created = await handler.CreateAsync(new SaveProblemCommand(title, rootCause, workaround, nameof(ProblemStatus.Open), issueTypeId, deviceModel), viewer, cancellationToken);
        if (created.Succeeded)
        {
            TempData["Saved"] = "Problem record opened.";
            return Redirect($"/helpdesk/problems/{created.Value!.Id}");
        }

        await LoadAsync(cancellationToken);
        Errors = created.Failure.Messages;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanEdit = ProblemsHandler.CanEdit(await viewers.ForAsync(User, cancellationToken));
        IssueTypes = await db.ActiveIssueTypesAsync(cancellationToken);
        var result = await QueryReader.ReadPaging(Request.Query).ThenAsync(page => handler.ListAsync(Status, page, cancellationToken));
        if (result.Succeeded)
        {
            Problems = result.Value!;
        }
        else
        {
            Errors = result.Failure.Messages;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
