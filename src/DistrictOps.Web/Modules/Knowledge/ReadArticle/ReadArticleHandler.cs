using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Knowledge.ReadArticle;

public sealed record VersionRow(int Number, string Title, string EditedByName, DateTimeOffset EditedAt, string? Note, string? ApprovedByName, DateTimeOffset? ApprovedAt, bool Live);

public enum DiffLineKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffLineKind Kind, string Text);

/// <summary>Two versions compared line by line, over the fields a version holds.</summary>
public sealed record VersionDiff(int From, int To, IReadOnlyList<DiffLine> Lines)
{
    public bool Changed => Lines.Any(l => l.Kind != DiffLineKind.Same);
}

public sealed record VoteCommand(bool? Helpful, string? Comment);

/// <summary>
/// Reading an article: the page counts a view of the live version, a signed-in reader votes once (voting again replaces
/// the vote), and "not helpful" puts a task with the reader's comment on the owner's list. Writers read its history and
/// compare any two versions.
/// </summary>
public sealed class ReadArticleHandler(AppDbContext db, ArticleDetails details, TimeProvider clock)
{
    public async Task<ArticleDetail?> ReadAsync(string slug, string language, KnowledgeReader reader, bool latest, bool countView, CancellationToken cancellationToken = default)
    {
        if (await details.FindAsync(slug, language, reader, latest, cancellationToken) is not var (article, detail))
        {
            return null;
        }

        if (countView && detail.Live && detail.Version == detail.LiveVersion)
        {
            await db.Set<Article>().Where(a => a.Id == article.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Views, a => a.Views + 1), cancellationToken);
        }

        return detail;
    }

    public async Task<Result<ArticleDetail>> VoteAsync(long id, VoteCommand command, KnowledgeReader reader, CancellationToken cancellationToken = default)
    {
        if (reader.UserId is not { } userId)
        {
            return Result.Forbidden("Sign in to say whether an article helped.");
        }

        var article = await db.Set<Article>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null || !article.IsLive || !reader.CanRead(article))
        {
            return Result.NotFound($"There is no article {id} you can read.");
        }

        if (command.Helpful is not { } helpful)
        {
            return Result.Invalid("helpful", "Say whether the article helped: true or false.");
        }

        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        if (comment?.Length > ArticleVote.CommentMaxLength)
        {
            return Result.Invalid("comment", $"A comment is limited to {ArticleVote.CommentMaxLength} characters.");
        }

        var now = clock.GetUtcNow();
        var vote = await db.Set<ArticleVote>().SingleOrDefaultAsync(v => v.ArticleId == id && v.UserId == userId, cancellationToken);
        if (vote is not null && vote.Helpful == helpful && vote.Comment == comment)
        {
            return await details.DetailAsync(article, article.LiveVersion!.Value, reader, cancellationToken);
        }

        if (vote is null)
        {
            vote = new ArticleVote { ArticleId = id, UserId = userId };
            db.Add(vote);
        }
        else
        {
            Count(article, vote.Helpful, -1);
        }

        vote.Helpful = helpful;
        vote.Comment = comment;
        vote.At = now;
        Count(article, helpful, +1);
        if (!helpful)
        {
            db.Add(new ReviewTask
            {
                ArticleId = id, RaisedByName = reader.Name, RaisedAt = now,
                Reason = comment is null ? "A reader said it did not help." : $"A reader said it did not help: {comment}",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return await details.DetailAsync(article, article.LiveVersion!.Value, reader, cancellationToken);
    }

    public async Task<IReadOnlyList<VersionRow>> HistoryAsync(long id, CancellationToken cancellationToken = default)
    {
        var live = await db.Set<Article>().Where(a => a.Id == id).Select(a => a.LiveVersion).SingleOrDefaultAsync(cancellationToken);
        return (await db.Set<ArticleVersion>().AsNoTracking().Where(v => v.ArticleId == id).OrderByDescending(v => v.Number)
                .Select(v => new { v.Number, v.Title, v.EditedByName, v.EditedAt, v.Note, v.ApprovedByName, v.ApprovedAt })
                .ToListAsync(cancellationToken))
            .Select(v => new VersionRow(v.Number, v.Title, v.EditedByName, v.EditedAt, v.Note, v.ApprovedByName, v.ApprovedAt, v.Number == live)).ToList();
    }

    public async Task<Result<VersionDiff>> DiffAsync(long id, int from, int to, CancellationToken cancellationToken = default)
    {
        var versions = await db.Set<ArticleVersion>().AsNoTracking().Where(v => v.ArticleId == id && (v.Number == from || v.Number == to)).ToListAsync(cancellationToken);
        if (versions.FirstOrDefault(v => v.Number == from) is not { } older || versions.FirstOrDefault(v => v.Number == to) is not { } newer)
        {
            return Result.NotFound($"The article has no version {(versions.Any(v => v.Number == from) ? to : from)}.");
        }

        var diff = InlineDiffBuilder.Diff(Text(older), Text(newer), ignoreWhiteSpace: false, ignoreCase: false, new LineChunker());
        return new VersionDiff(from, to, diff.Lines.Select(l => new DiffLine(
            l.Type switch { ChangeType.Inserted => DiffLineKind.Added, ChangeType.Deleted => DiffLineKind.Removed, _ => DiffLineKind.Same },
            l.Text)).ToList());
    }

    private static void Count(Article article, bool helpful, int by)
    {
        if (helpful)
        {
            article.Helpful += by;
        }
        else
        {
            article.NotHelpful += by;
        }
    }

    /// <summary>A version as the lines the diff compares: its fields first, then the body.</summary>
    private static string Text(ArticleVersion v) =>
        $"Title: {v.Title}\nSummary: {v.Summary}\nAudience: {v.Audience}\nTags: {v.Tags}\nIssue types: {v.CategoryIds}\nDevice models: {v.DeviceModels}\n\n{v.Body}";
}
