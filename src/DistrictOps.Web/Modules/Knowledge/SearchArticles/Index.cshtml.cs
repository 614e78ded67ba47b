using System.Globalization;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Knowledge.SearchArticles;

/// <summary>
/// The knowledge base's front page: search with ranked, highlighted results, or browse by issue type, audience, language,
/// kind and tag. Visitors who are not signed in see the public articles (the families' portal), in their language first.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ArticleSearch search, IHelpdeskKnowledgeSources helpdesk, PermissionRegistry permissions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Audience { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public KnowledgeReader Reader { get; private set; } = KnowledgeReader.Anonymous;

    public PagedResult<ArticleHit> Results { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public IReadOnlyList<IssueTypeSummary> IssueTypes { get; private set; } = [];

    public bool Filtered => !string.IsNullOrWhiteSpace(Query) || Category is not null || Audience is { Length: > 0 } || Lang is { Length: > 0 } || Kind is { Length: > 0 } || Tag is { Length: > 0 } || Status is { Length: > 0 };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reader = KnowledgeReader.For(User, permissions);
        IssueTypes = (await helpdesk.IssueTypesAsync(cancellationToken)).Where(c => c.Active).ToList();
        var categories = Category is { } c ? IssueTypeTree.Below(IssueTypes.Select(t => (t.Id, t.ParentId)), c) : null;
        var visitor = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var query = new ArticleQuery(Query, categories, ArticleRules.ParseAudience(Audience), ArticleLanguages.All.Contains(Lang ?? "") ? Lang : null,
            ArticleRules.ParseKind(Kind), ArticleRules.ParseStatus(Status), Tag, ArticleLanguages.All.Contains(visitor) ? visitor : ArticleLanguages.English);
        var page = QueryReader.ReadPaging(Request.Query);
        Results = await search.SearchAsync(query, Reader, page.Succeeded ? page.Value : new PageRequest(1, null), cancellationToken);
    }
}
