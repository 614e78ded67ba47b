using System.Security.Claims;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Contracts;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Knowledge;

/// <summary>
/// The knowledge base's side of the help desk's contracts: suggestions and search under the reader's audiences, and the
/// composer's article links, which go to requesters, so only articles staff may read, with addresses that work in email.
/// </summary>
internal sealed class KnowledgeArticles(
    AppDbContext db, ArticleSearch search, PermissionRegistry permissions, IHelpdeskKnowledgeSources helpdesk, IOptions<HttpOptions> http)
    : IKnowledgeArticles, IArticleLinks
{
    public async Task<IReadOnlyList<SuggestedArticle>> SuggestAsync(string text, int? issueTypeId, ClaimsPrincipal user, int max, CancellationToken cancellationToken = default) =>
        (await search.SuggestAsync(text, await RelatedAsync(issueTypeId, cancellationToken), null, KnowledgeReader.For(user, permissions), max, cancellationToken))
            .Select(h => new SuggestedArticle(h.Id, h.Title, h.Summary, h.Url)).ToList();

    public async Task<IReadOnlyList<FoundArticle>> SearchAsync(string text, ClaimsPrincipal user, int max, CancellationToken cancellationToken = default)
    {
        var reader = KnowledgeReader.For(user, permissions) with { Writes = false };
        var found = await search.SearchAsync(new ArticleQuery(text), reader, new PageRequest(1, max), cancellationToken);
        return found.Items.Select(h => new FoundArticle(h.Title, h.Url, h.Kind, ArticleSearch.SnippetHtml(h.Snippet))).ToList();
    }

    public Task<int> DeflectionsAsync(DateTimeOffset from, DateTimeOffset until, Guid? siteId, CancellationToken cancellationToken = default) =>
        db.Set<Deflection>().CountAsync(d => d.At >= from && d.At < until && (siteId == null || d.SiteId == siteId), cancellationToken);

    public async Task<SuggestedArticle?> ForProblemAsync(long problemId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var reader = KnowledgeReader.For(user, permissions);
        var article = await db.Set<Article>().AsNoTracking().Where(a => a.SourceProblemId == problemId).Where(reader.Sees(withDrafts: true))
            .OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        return article is null ? null : new SuggestedArticle(article.Id, article.Title, article.Summary, ArticleDetails.UrlOf(article.Slug, article.Language));
    }

    /// <summary>The composer's links: live articles staff may read, for the ticket's title and issue type.</summary>
    async Task<IReadOnlyList<ArticleLink>> IArticleLinks.SuggestAsync(string ticketTitle, int issueTypeId, CancellationToken cancellationToken)
    {
        var staff = new KnowledgeReader(null, "", [ArticleAudience.Public, ArticleAudience.Staff], Writes: false, Reviews: false);
        var hits = await search.SuggestAsync(ticketTitle, await RelatedAsync(issueTypeId, cancellationToken), null, staff, 5, cancellationToken);
        if (hits.Count == 0)
        {
            var filed = await search.SearchAsync(new ArticleQuery(CategoryIds: [issueTypeId]), staff, new PageRequest(1, 5), cancellationToken);
            hits = filed.Items;
        }

        return hits.Select(h => new ArticleLink(h.Title, http.Value.Link(h.Url))).ToList();
    }

    /// <summary>The issue type with its parents and children: an article under "Device › Tablet" answers a "Broken screen" request.</summary>
    private async Task<IReadOnlyCollection<int>?> RelatedAsync(int? issueTypeId, CancellationToken cancellationToken)
    {
        if (issueTypeId is not { } id)
        {
            return null;
        }

        var types = await helpdesk.IssueTypesAsync(cancellationToken);
        var parents = types.ToDictionary(c => c.Id, c => c.ParentId);
        var related = new HashSet<int> { id };
        var up = parents.GetValueOrDefault(id);
        while (up is { } parent && related.Add(parent))
        {
            up = parents.GetValueOrDefault(parent);
        }

        related.UnionWith(types.Where(c => c.ParentId == id).Select(c => c.Id));
        return related;
    }
}
