using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Modules.Knowledge.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.Work.SearchEverything;

[Authorize(Policy = HelpdeskPermissions.Work)]
public sealed class IndexModel(SearchHandler handler, ViewerFactory viewers, IEnumerable<IKnowledgeArticles> knowledge) : PageModel
{
    public const int ArticlesShown = 5;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public SearchResults? Results { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Knowledge base articles the viewer may read that match, best first.</summary>
    public IReadOnlyList<FoundArticle> Articles { get; private set; } = [];

    public IReadOnlyList<string> Terms => Query is null ? [] : [Query.Trim()];

    public IReadOnlyList<string> NameTerms => Query?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Query))
        {
            return Page();
        }

        var result = await handler.HandleAsync(Query, await viewers.ForAsync(User, cancellationToken), DirectoryReader.Of(HttpContext), cancellationToken);
        if (!result.Succeeded)
        {
            Problems = result.Failure.Messages;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (result.Value.JumpTo is { } number)
        {
            return Redirect($"/helpdesk/tickets/{Uri.EscapeDataString(number)}");
        }

        Results = result.Value;
        foreach (var source in knowledge)
        {
            Articles = [.. Articles, .. await source.SearchAsync(Query, User, ArticlesShown, cancellationToken)];
        }

        return Page();
    }
}
