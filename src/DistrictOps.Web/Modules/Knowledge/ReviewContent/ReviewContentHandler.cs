using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Knowledge.ReviewContent;

/// <summary>An article on the writers' list; <see cref="Url"/> opens its newest version.</summary>
public sealed record ReviewRow(long Id, string Title, string Language, string Kind, string Status, string OwnerName, DateOnly? ReviewBy, DateTimeOffset UpdatedAt, string Url);

public sealed record TaskRow(long Id, long ArticleId, string ArticleTitle, string Url, string Reason, string RaisedByName, DateTimeOffset RaisedAt, bool Mine);

public sealed record UseRow(string Title, string Url, int Views, int Helpful, int NotHelpful, int Answered);

/// <summary>The writers' work list: drafts, what waits for a reviewer, stale content, readers' feedback, and what is used.</summary>
public sealed record ReviewOverview(
    ReviewList<ReviewRow> InReview,
    ReviewList<ReviewRow> Drafts,
    PagedResult<ReviewRow> Stale,
    ReviewList<TaskRow> Tasks,
    IReadOnlyList<UseRow> MostUsed,
    int AnsweredLast30Days);

/// <summary>The first <see cref="ReviewContentHandler.Shown"/> rows of a list and how many there are in all.</summary>
public sealed record ReviewList<T>(IReadOnlyList<T> Rows, int Total)
{
    public bool Cut => Total > Rows.Count;
}

/// <summary>
/// What needs a writer or a reviewer: the stale-content report lists published articles past their review-by date,
/// oldest first, a page at a time; tasks come from "not helpful" votes and reviewers sending a version back.
/// </summary>
public sealed class ReviewContentHandler(AppDbContext db, DistrictTime time)
{
    public const int Shown = 100;

    public async Task<ReviewOverview> OverviewAsync(KnowledgeReader reader, PageRequest stalePage, CancellationToken cancellationToken = default)
    {
        var today = time.Today;
        var articles = db.Set<Article>().AsNoTracking();
        var inReview = await RowsAsync(articles.Where(a => a.Status == ArticleStatus.InReview).OrderBy(a => a.UpdatedAt), cancellationToken);
        var drafts = await RowsAsync(articles.Where(a => a.Status == ArticleStatus.Draft).OrderByDescending(a => a.UpdatedAt), cancellationToken);
        var stale = await articles.Where(a => a.LiveVersion != null && a.RetiredAt == null && a.ReviewBy != null && a.ReviewBy < today)
            .OrderBy(a => a.ReviewBy).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.Language, a.Kind, a.Status, a.OwnerName, a.ReviewBy, a.UpdatedAt, a.Slug })
            .ToPagedResultAsync(stalePage, cancellationToken);
        var open = db.Set<ReviewTask>().AsNoTracking().Where(t => t.DoneAt == null);
        var tasks = (await open
                .Join(articles, t => t.ArticleId, a => a.Id, (t, a) => new { t.Id, t.ArticleId, a.Title, a.Slug, a.Language, t.Reason, t.RaisedByName, t.RaisedAt, a.OwnerUserId })
                .OrderBy(t => t.RaisedAt).ThenBy(t => t.Id).Take(Shown).ToListAsync(cancellationToken))
            .Select(t => new TaskRow(t.Id, t.ArticleId, t.Title, ArticleDetails.UrlOf(t.Slug, t.Language), t.Reason, t.RaisedByName, t.RaisedAt, t.OwnerUserId == reader.UserId))
            .ToList();
        var since = time.Now.AddDays(-30);
        var answered = await db.Set<Deflection>().Where(d => d.At >= since).GroupBy(d => d.ArticleId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var used = (await articles.Where(a => a.LiveVersion != null && a.RetiredAt == null).OrderByDescending(a => a.Views).Take(10)
                .Select(a => new { a.Id, a.Title, a.Slug, a.Language, a.Views, a.Helpful, a.NotHelpful }).ToListAsync(cancellationToken))
            .Select(a => new UseRow(a.Title, ArticleDetails.UrlOf(a.Slug, a.Language), a.Views, a.Helpful, a.NotHelpful, answered.GetValueOrDefault(a.Id))).ToList();
        var staleRows = new PagedResult<ReviewRow>(stale.Items.Select(a => Row(a.Id, a.Title, a.Language, a.Kind, a.Status, a.OwnerName, a.ReviewBy, a.UpdatedAt, a.Slug)).ToList(),
            stale.Total, stale.Page, stale.PageSize);
        return new ReviewOverview(inReview, drafts, staleRows, new ReviewList<TaskRow>(tasks, await open.CountAsync(cancellationToken)), used, answered.Values.Sum());
    }

    /// <summary>Marks a task done; doing it again changes nothing.</summary>
    public async Task<Result<long>> DoneAsync(long taskId, KnowledgeReader reader, CancellationToken cancellationToken = default)
    {
        var task = await db.Set<ReviewTask>().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || !reader.Writes)
        {
            return Result.NotFound($"There is no review task {taskId}.");
        }

        if (task.DoneAt is null)
        {
            task.DoneAt = time.Now;
            task.DoneByName = reader.Name;
            await db.SaveChangesAsync(cancellationToken);
        }

        return taskId;
    }

    private static async Task<ReviewList<ReviewRow>> RowsAsync(IQueryable<Article> articles, CancellationToken cancellationToken) =>
        new((await articles.Take(Shown).Select(a => new { a.Id, a.Title, a.Language, a.Kind, a.Status, a.OwnerName, a.ReviewBy, a.UpdatedAt, a.Slug }).ToListAsync(cancellationToken))
            .Select(a => Row(a.Id, a.Title, a.Language, a.Kind, a.Status, a.OwnerName, a.ReviewBy, a.UpdatedAt, a.Slug))
            .ToList(), await articles.CountAsync(cancellationToken));

    private static ReviewRow Row(long id, string title, string language, ArticleKind kind, ArticleStatus status, string owner, DateOnly? reviewBy, DateTimeOffset updatedAt, string slug) =>
        new(id, title, language, kind.ToString(), status.ToString(), owner, reviewBy, updatedAt, ArticleDetails.UrlOf(slug, language, latest: true));
}
