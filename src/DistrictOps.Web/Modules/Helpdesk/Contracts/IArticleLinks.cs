namespace DistrictOps.Web.Modules.Helpdesk.Contracts;

public sealed record ArticleLink(string Title, string Url);

/// <summary>
/// Knowledge base articles a technician may link in a reply (the Knowledge module implements it); without one registered
/// the composer offers no article links.
/// </summary>
public interface IArticleLinks
{
    Task<IReadOnlyList<ArticleLink>> SuggestAsync(string ticketTitle, int issueTypeId, CancellationToken cancellationToken = default);
}
