using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Knowledge.DeflectRequests;

/// <summary>"This solved it" on the Ask-for-help form, as a command: the article, and the site and issue type the person chose.</summary>
public sealed record SolvedCommand(long? ArticleId, Guid? SiteId, int? IssueTypeId);

/// <summary>The article that answered the request, to name on the page that ends it.</summary>
public sealed record SolvedArticle(string Title, string Url);

/// <summary>
/// Counts a request that an article answered before it became a ticket. Nothing the person typed is kept. The same
/// person saying so again for the same article within <see cref="Window"/> (a double click, a reload) is counted once.
/// </summary>
public sealed class DeflectionHandler(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    public async Task<Result<SolvedArticle>> SolvedAsync(SolvedCommand command, KnowledgeReader reader, CancellationToken cancellationToken = default)
    {
        if (command.ArticleId is not { } id)
        {
            return Result.Invalid("articleId", "Say which article solved it.");
        }

        var article = await db.Set<Article>().AsNoTracking().Where(reader.Sees()).Where(a => a.Id == id)
            .Select(a => new { a.Title, a.Slug, a.Language }).SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return Result.NotFound($"There is no article {id} you can read.");
        }

        var now = clock.GetUtcNow();
        var since = now - Window;
        var userId = reader.UserId;
        if (userId is null || !await db.Set<Deflection>().AnyAsync(d => d.ArticleId == id && d.UserId == userId && d.At >= since, cancellationToken))
        {
            db.Add(new Deflection { ArticleId = id, UserId = userId, SiteId = command.SiteId, IssueTypeId = command.IssueTypeId, At = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SolvedArticle(article.Title, ArticleDetails.UrlOf(article.Slug, article.Language));
    }
}
