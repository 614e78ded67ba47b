using System.Security.Claims;

namespace DistrictOps.Web.Modules.Knowledge.Contracts;

/// <summary>A live article offered to someone: its title, summary and address (absolute when it leaves the app in a reply).</summary>
public sealed record SuggestedArticle(long Id, string Title, string Summary, string Url);

/// <summary>An article found by the header's search, with its snippet as safe HTML (matched words in &lt;mark&gt;).</summary>
public sealed record FoundArticle(string Title, string Url, string Kind, string SnippetHtml);

/// <summary>What the help desk reads from the knowledge base: suggestions, search, deflections and known-error articles.</summary>
public interface IKnowledgeArticles
{
    /// <summary>Up to <paramref name="max"/> articles <paramref name="user"/> may read for a request being typed, best first; those filed under its issue type count double.</summary>
    Task<IReadOnlyList<SuggestedArticle>> SuggestAsync(string text, int? issueTypeId, ClaimsPrincipal user, int max, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FoundArticle>> SearchAsync(string text, ClaimsPrincipal user, int max, CancellationToken cancellationToken = default);

    /// <summary>Requests ended by "This solved it" from <paramref name="from"/> up to <paramref name="until"/>, at one site or all.</summary>
    Task<int> DeflectionsAsync(DateTimeOffset from, DateTimeOffset until, Guid? siteId, CancellationToken cancellationToken = default);

    /// <summary>The article written from the problem record, if <paramref name="user"/> may read it.</summary>
    Task<SuggestedArticle?> ForProblemAsync(long problemId, ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
