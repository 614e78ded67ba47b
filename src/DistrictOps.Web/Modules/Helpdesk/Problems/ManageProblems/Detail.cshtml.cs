using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Modules.Knowledge.Contracts;
using DistrictOps.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.Problems.ManageProblems;

/// <summary>One problem: its root cause and workaround, its status, and the tickets linked to it.</summary>
[Authorize(Policy = HelpdeskPermissions.Work)]
public sealed class DetailModel(ProblemsHandler handler, ViewerFactory viewers, IEnumerable<IKnowledgeArticles> knowledge) : PageModel
{
    public ProblemDetail Problem { get; private set; } = null!;

    /// <summary>The known-error article written from this problem, when the knowledge base has one the viewer may read.</summary>
    public SuggestedArticle? KnownErrorArticle { get; private set; }

    /// <summary>Whether the knowledge base is there to write one in.</summary>
    public bool HasKnowledgeBase => knowledge.Any();

    /// <summary>Which form failed, and why.</summary>
    public (string Form, IReadOnlyList<string> Messages)? Refused { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSaveAsync(long id, string? title, string? status, string? rootCause, string? workaround, CancellationToken cancellationToken) =>
        RunAsync(id, "save", viewer => handler.UpdateAsync(id, new SaveProblemCommand(title, rootCause ?? "", workaround ?? "", status), partial: true, viewer, cancellationToken), "Problem record saved.", cancellationToken);

    public Task<IActionResult> OnPostLinkAsync(long id, string? number, CancellationToken cancellationToken) =>
        RunAsync(id, "link", viewer => handler.LinkAsync(id, number, viewer, cancellationToken), "Ticket linked.", cancellationToken);

    public Task<IActionResult> OnPostUnlinkAsync(long id, string? number, CancellationToken cancellationToken) =>
        RunAsync(id, "link", viewer => handler.UnlinkAsync(id, number, viewer, cancellationToken), "Ticket unlinked.", cancellationToken);

    public static IEnumerable<string> Statuses => Enum.GetNames<ProblemStatus>();

    private async Task<IActionResult> RunAsync(long id, string form, Func<Viewer, Task<Result<ProblemDetail>>> work, string saved, CancellationToken cancellationToken)
    {
        var result = await work(await viewers.ForAsync(User, cancellationToken));
        if (result.Succeeded)
        {
            Saved = saved;
            return RedirectToPage(new { id });
        }

        if (result.Failure.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        // A ticket that is not part of the problem is told beside the form; the problem itself gone is a 404 (LoadAsync).
        Refused = (form, result.Failure.Messages);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, await viewers.ForAsync(User, cancellationToken), cancellationToken) is not { } problem)
        {
            return false;
        }

        foreach (var source in knowledge)
        {
            KnownErrorArticle ??= await source.ForProblemAsync(id, User, cancellationToken);
        }

        Problem = problem;
        return true;
    }
}
