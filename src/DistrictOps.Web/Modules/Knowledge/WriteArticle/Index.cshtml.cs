using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Knowledge.WriteArticle;

/// <summary>
/// The editor: a new article (blank, from a ticket, from a problem record, or a translation of an English original), or
/// the next version of an existing one. Saving keeps it a draft; the article page sends it for review.
/// </summary>
[Authorize(Policy = KnowledgePermissions.Write)]
public sealed class IndexModel(WriteArticleHandler handler, ArticleDetails details, IHelpdeskKnowledgeSources helpdesk, PermissionRegistry permissions) : PageModel
{
    [BindProperty]
    public ArticleForm Input { get; set; } = new();

    public long? ArticleId { get; private set; }

    public string? SourceNote { get; private set; }

    public IReadOnlyList<IssueTypeSummary> IssueTypes { get; private set; } = [];

    public bool IsNew => ArticleId is null;

    public async Task<IActionResult> OnGetAsync(long? id, string? ticket, long? problem, string? translate, string? kind, CancellationToken cancellationToken)
    {
        var reader = KnowledgeReader.For(User, permissions);
        if (id is { } existing)
        {
            if (await details.FindAsync(existing, reader, latest: true, cancellationToken) is not { } article)
            {
                return NotFound();
            }

            Input = ArticleForm.From(article);
            ArticleId = existing;
        }
        else if (ticket is not null && await helpdesk.TicketAsync(ticket, User, cancellationToken) is { } fromTicket)
        {
            Input = FromTicket(fromTicket);
            SourceNote = $"Written from ticket {fromTicket.Number}. Take out names and anything about a student before you send it for review.";
        }
        else if (problem is { } problemId && await helpdesk.ProblemAsync(problemId, cancellationToken) is { } fromProblem)
        {
            Input = FromProblem(fromProblem);
            SourceNote = $"A known-error article for problem {fromProblem.Number}.";
        }
        else if (translate is not null && await details.FindAsync(translate, ArticleLanguages.English, reader, latest: true, cancellationToken) is var (_, original))
        {
            Input = ArticleForm.From(original);
            Input.Language = ArticleLanguages.Spanish;
            Input.BaseVersion = null;
            SourceNote = $"A Spanish translation of '{original.Title}': translate every field; it is reviewed like any article.";
        }
        else if (ArticleRules.ParseKind(kind) is { } chosen)
        {
            Input.Kind = chosen.ToString();
            if (chosen == ArticleKind.Procedure)
            {
                Input.Body = $"Who this is for and when to use it.\n\n{ArticleMarkdown.StepsOpen}\nTeacher or site staff | The first thing to do.\nSite technician | What happens next.\n{ArticleMarkdown.StepsClose}\n";
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken cancellationToken)
    {
        var reader = KnowledgeReader.For(User, permissions);
        var saved = id is { } existing
            ? await handler.UpdateAsync(existing, Input.ToCommand(), reader, cancellationToken)
            : await handler.CreateAsync(Input.ToCommand(), reader, new ArticleSource(Input.SourceTicketId, Input.SourceProblemId), cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Saved"] = $"Saved as version {saved.Value.Version}, a draft. Send it for review when it is ready.";
            return Redirect(ArticleDetails.UrlOf(saved.Value.Slug, saved.Value.Language, latest: true));
        }

        if (this.RefuseOnPage(saved.Failure) is { } refused)
        {
            return refused;
        }

        ArticleId = id;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public IEnumerable<string> ErrorsFor(string field) =>
        ModelState.TryGetValue("Input." + field, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        IssueTypes = (await helpdesk.IssueTypesAsync(cancellationToken)).Where(c => c.Active || Input.CategoryIds.Contains(c.Id)).ToList();

    private static ArticleForm FromTicket(TicketForArticle ticket) => new()
    {
        Title = ticket.Title, Audience = nameof(ArticleAudience.Staff), CategoryIds = [ticket.IssueTypeId], DeviceModels = ticket.DeviceModel,
        Body = $"## What you see\n\n{ticket.Description.Trim()}\n\n## What to do\n\n{ticket.Answer?.Trim() ?? "Describe the fix, one step per line."}\n",
        SourceTicketId = ticket.Id,
    };

    private static ArticleForm FromProblem(ProblemForArticle problem) => new()
    {
        Title = $"Known error: {problem.Title}", Audience = nameof(ArticleAudience.Technicians),
        CategoryIds = problem.IssueTypeId is { } c ? [c] : [], DeviceModels = problem.DeviceModel, Tags = "known error",
        Summary = problem.Workaround is { } w ? Shorten(w) : null,
        Body = $"## Symptoms\n\nWhat the tickets linked to {problem.Number} report.\n\n## Cause\n\n{problem.RootCause?.Trim() ?? "Not yet known."}\n\n## Workaround\n\n{problem.Workaround?.Trim() ?? "None yet."}\n",
        SourceProblemId = problem.Id,
    };

    private static string Shorten(string text) => text.Length <= Article.SummaryMaxLength ? text : text[..(Article.SummaryMaxLength - 1)] + "…";
}
