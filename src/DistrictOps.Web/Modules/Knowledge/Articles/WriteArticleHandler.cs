using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Knowledge.Articles;

/// <summary>Where an article written from the help desk came from.</summary>
public sealed record ArticleSource(long? TicketId = null, long? ProblemId = null);

/// <summary>
/// Writing and the review workflow: draft → in review → published → retired. Every save that changes the content is a
/// new version; readers keep the live version while a later one is drafted and reviewed. A reviewer approves only what
/// someone else wrote. Saving the same content again, or from a version older than the latest, changes nothing.
/// </summary>
public sealed class WriteArticleHandler(AppDbContext db, ArticleDetails details, IHelpdeskKnowledgeSources helpdesk, DistrictTime time)
{
    public async Task<Result<ArticleDetail>> CreateAsync(SaveArticleCommand command, KnowledgeReader writer, ArticleSource? source = null, CancellationToken cancellationToken = default)
    {
        if (!writer.Writes)
        {
            return Result.Forbidden("Only technicians write knowledge base articles.");
        }

        var errors = new ErrorList();
        var kind = command.Kind is null ? ArticleKind.Article : ArticleRules.ParseKind(command.Kind);
        var language = command.Language ?? ArticleLanguages.English;
        if (kind is null)
        {
            errors.Add("kind", $"Expected one of {string.Join(", ", Enum.GetNames<ArticleKind>())}.");
        }

        if (!ArticleLanguages.All.Contains(language))
        {
            errors.Add("language", $"Expected one of {string.Join(", ", ArticleLanguages.All)}.");
        }

        var months = command.ReviewMonths ?? 12;
        if (!ArticleRules.ReviewMonthChoices.Contains(months))
        {
            errors.Add("reviewMonths", $"Expected one of {string.Join(", ", ArticleRules.ReviewMonthChoices)} months.");
        }

        var slug = string.IsNullOrWhiteSpace(command.Slug) ? ArticleRules.SlugFrom(command.Title ?? "") : command.Slug.Trim();
        if (!string.IsNullOrWhiteSpace(command.Slug) && !ArticleRules.IsSlug(slug))
        {
            errors.Add("slug", $"An address is lower-case letters, digits and single hyphens, at most {Article.SlugMaxLength} characters, like 'printer-shows-offline'.");
        }

        var content = ArticleRules.Check(command, kind ?? ArticleKind.Article, await helpdesk.IssueTypesAsync(cancellationToken), errors);
        if (content is null)
        {
            return Result.Invalid(errors);
        }

        if (await db.Set<Article>().AnyAsync(a => a.Slug == slug && a.Language == language, cancellationToken))
        {
            return Result.Conflict($"There is already an article at '{slug}' in {ArticleLanguages.Name(language)}; change that one, or give this one another address.");
        }

        var original = language == ArticleLanguages.English ? null
            : await db.Set<Article>().AsNoTracking().Where(a => a.Slug == slug && a.Language == ArticleLanguages.English).Select(a => new { a.Kind }).SingleOrDefaultAsync(cancellationToken);
        if (original is not null && original.Kind != kind)
        {
            return Result.Invalid("kind", $"The English original is a{(original.Kind == ArticleKind.Article ? "n article" : " procedure")}; a translation is the same kind.");
        }

        var now = time.Now;
        var article = new Article
        {
            Slug = slug, Language = language, Kind = kind!.Value, Status = ArticleStatus.Draft, Title = "", Summary = "", Body = "", PlainText = "",
            OwnerUserId = writer.UserId, OwnerName = writer.Name, ReviewMonths = months,
            SourceTicketId = source?.TicketId, SourceProblemId = source?.ProblemId, CreatedAt = now, UpdatedAt = now,
        };
        Show(article, content);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Add(article);
            await db.SaveChangesAsync(cancellationToken);
            AddVersion(article, content, writer, command.Note);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await DetailAsync(article, writer, cancellationToken);
    }

    /// <summary>Saves new content as the next version. <see cref="SaveArticleCommand.BaseVersion"/> guards against overwriting someone else's save.</summary>
    public async Task<Result<ArticleDetail>> UpdateAsync(long id, SaveArticleCommand command, KnowledgeReader writer, CancellationToken cancellationToken = default)
    {
        if (!writer.Writes)
        {
            return Result.Forbidden("Only technicians change knowledge base articles.");
        }

        var article = await db.Set<Article>().Include(a => a.Categories).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return Result.NotFound($"There is no article {id}.");
        }

        if (command.BaseVersion is { } baseVersion && baseVersion != article.LatestVersion)
        {
            return Result.Conflict($"Version {article.LatestVersion} was saved while you edited version {baseVersion}; open the article again and make your change on the latest version.");
        }

        var months = command.ReviewMonths ?? article.ReviewMonths;
        if (!ArticleRules.ReviewMonthChoices.Contains(months))
        {
            return Result.Invalid("reviewMonths", $"Expected one of {string.Join(", ", ArticleRules.ReviewMonthChoices)} months.");
        }

        var checkedContent = ArticleRules.Check(command, article.Kind, await helpdesk.IssueTypesAsync(cancellationToken));
        if (!checkedContent.Succeeded)
        {
            return checkedContent.Failure;
        }

        var latest = await LatestAsync(article, cancellationToken);
        var content = checkedContent.Value;
        if (content.SameAs(latest) && months == article.ReviewMonths)
        {
            return await DetailAsync(article, writer, cancellationToken);
        }

        article.ReviewMonths = months;
        if (!content.SameAs(latest))
        {
            AddVersion(article, content, writer, command.Note);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await DetailAsync(article, writer, cancellationToken);
    }

    public Task<Result<ArticleDetail>> SubmitAsync(long id, KnowledgeReader writer, CancellationToken cancellationToken = default) =>
        MoveAsync(id, writer, writer.Writes, "Only technicians send articles for review.", async (article, _) =>
        {
            if (article.Status != ArticleStatus.Draft)
            {
                return Result.Conflict($"Only a draft goes for review; this one is {Describe(article.Status)}.");
            }

            article.Status = ArticleStatus.InReview;
            await Task.CompletedTask;
            return article;
        }, cancellationToken);

    /// <summary>Publishes the version in review: its content becomes what readers see, and the review-by date starts again.</summary>
    public Task<Result<ArticleDetail>> ApproveAsync(long id, KnowledgeReader reviewer, CancellationToken cancellationToken = default) =>
        MoveAsync(id, reviewer, reviewer.Reviews, "Only reviewers publish articles.", async (article, ct) =>
        {
            if (article.Status != ArticleStatus.InReview)
            {
                return Result.Conflict($"Only an article in review is approved; this one is {Describe(article.Status)}.");
            }

            var version = await db.Set<ArticleVersion>().SingleAsync(v => v.ArticleId == article.Id && v.Number == article.LatestVersion, ct);
            if (version.EditedByUserId == reviewer.UserId)
            {
                return Result.Forbidden("You wrote this version; another reviewer approves it.");
            }

            var now = time.Now;
            version.ApprovedByName = reviewer.Name;
            version.ApprovedAt = now;
            Publish(article, version, now, time.Today);
            return article;
        }, cancellationToken);

    /// <summary>Returns the version in review to its writers with the reason, as a task on the owner's list.</summary>
    public Task<Result<ArticleDetail>> SendBackAsync(long id, string? reason, KnowledgeReader reviewer, CancellationToken cancellationToken = default) =>
        MoveAsync(id, reviewer, reviewer.Reviews, "Only reviewers send articles back.", async (article, _) =>
        {
            if (article.Status != ArticleStatus.InReview)
            {
                return Result.Conflict($"Only an article in review is sent back; this one is {Describe(article.Status)}.");
            }

            if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReviewTask.ReasonMaxLength)
            {
                return Result.Invalid("reason", $"Say what should change, in up to {ReviewTask.ReasonMaxLength} characters.");
            }

            article.Status = ArticleStatus.Draft;
            db.Add(new ReviewTask { ArticleId = article.Id, Reason = reason.Trim(), RaisedByName = reviewer.Name, RaisedAt = time.Now });
            await Task.CompletedTask;
            return article;
        }, cancellationToken);

    public Task<Result<ArticleDetail>> RetireAsync(long id, KnowledgeReader reviewer, CancellationToken cancellationToken = default) =>
        MoveAsync(id, reviewer, reviewer.Reviews, "Only reviewers retire articles.", async (article, _) =>
        {
            if (article.Status == ArticleStatus.Retired)
            {
                return article;
            }

            article.Status = ArticleStatus.Retired;
            article.RetiredAt = time.Now;
            await Task.CompletedTask;
            return article;
        }, cancellationToken);

    /// <summary>Saves an earlier version's content again as the next version, a draft to review like any other change.</summary>
    public Task<Result<ArticleDetail>> RestoreAsync(long id, int number, KnowledgeReader writer, CancellationToken cancellationToken = default) =>
        MoveAsync(id, writer, writer.Writes, "Only technicians restore versions.", async (article, ct) =>
        {
            var old = await db.Set<ArticleVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.ArticleId == article.Id && v.Number == number, ct);
            if (old is null)
            {
                return Result.NotFound($"The article has no version {number}.");
            }

            var latest = await LatestAsync(article, ct);
            var content = ArticleContent.From(old);
            if (!content.SameAs(latest))
            {
                AddVersion(article, content, writer, $"Restored version {number}");
            }

            return article;
        }, cancellationToken);

    /// <summary>The owner or a reviewer read it again and it still holds: the next review is a review period from today.</summary>
    public Task<Result<ArticleDetail>> MarkReviewedAsync(long id, KnowledgeReader reader, CancellationToken cancellationToken = default) =>
        MoveAsync(id, reader, reader.Writes, "Only technicians mark articles reviewed.", async (article, _) =>
        {
            if (!reader.Reviews && article.OwnerUserId != reader.UserId)
            {
                return Result.Forbidden("Only the article's owner or a reviewer marks it reviewed.");
            }

            if (!article.IsLive)
            {
                return Result.Conflict("Only a published article has a review date.");
            }

            article.ReviewBy = time.Today.AddMonths(article.ReviewMonths);
            await Task.CompletedTask;
            return article;
        }, cancellationToken);

    /// <summary>Deletes a draft that was never published (its owner or a reviewer); a published article is retired instead, so its history stays.</summary>
    public async Task<Result<long>> DeleteAsync(long id, KnowledgeReader writer, CancellationToken cancellationToken = default)
    {
        var article = await db.Set<Article>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null || !writer.Writes)
        {
            return Result.NotFound($"There is no article {id}.");
        }

        if (!writer.Reviews && article.OwnerUserId != writer.UserId)
        {
            return Result.Forbidden("Only the draft's owner or a reviewer deletes it.");
        }

        if (article.LiveVersion is not null)
        {
            return Result.Conflict("A published article is retired, not deleted, so its history stays.");
        }

        db.Remove(article);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    private async Task<Result<ArticleDetail>> MoveAsync(
        long id, KnowledgeReader actor, bool allowed, string refusal, Func<Article, CancellationToken, Task<Result<Article>>> move, CancellationToken cancellationToken)
    {
        if (!allowed)
        {
            return Result.Forbidden(refusal);
        }

        var article = await db.Set<Article>().Include(a => a.Categories).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return Result.NotFound($"There is no article {id}.");
        }

        var moved = await move(article, cancellationToken);
        if (!moved.Succeeded)
        {
            return moved.Failure;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await DetailAsync(article, actor, cancellationToken);
    }

    /// <summary>The demo and the tests' way to put content live in one step, as an approval would.</summary>
    internal static void Publish(Article article, ArticleVersion version, DateTimeOffset now, DateOnly today)
    {
        Show(article, ArticleContent.From(version));
        article.Status = ArticleStatus.Published;
        article.LiveVersion = version.Number;
        article.PublishedAt = now;
        article.RetiredAt = null;
        article.ReviewBy = today.AddMonths(article.ReviewMonths);
        article.UpdatedAt = now;
    }

    private void AddVersion(Article article, ArticleContent content, KnowledgeReader writer, string? note)
    {
        var now = time.Now;
        article.LatestVersion++;
        article.Status = ArticleStatus.Draft;
        article.UpdatedAt = now;
        if (article.LiveVersion is null)
        {
            // Nobody reads it yet, so the row carries the draft for the writers' lists and search.
            Show(article, content);
        }

        db.Add(new ArticleVersion
        {
            ArticleId = article.Id, Number = article.LatestVersion, Title = content.Title, Summary = content.Summary, Body = content.Body,
            Audience = content.Audience, Tags = content.Tags, CategoryIds = content.CategoryList, DeviceModels = content.DeviceModels,
            EditedByUserId = writer.UserId, EditedByName = writer.Name, EditedAt = now,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, ArticleVersion.NoteMaxLength)],
        });
    }

    /// <summary>Puts <paramref name="content"/> on the row, the copy readers, lists and the search index see.</summary>
    private static void Show(Article article, ArticleContent content)
    {
        article.Title = content.Title;
        article.Summary = content.Summary;
        article.Body = content.Body;
        article.PlainText = content.PlainText;
        article.Audience = content.Audience;
        article.Tags = content.Tags;
        article.DeviceModels = content.DeviceModels;
        article.Categories.Clear();
        article.Categories.AddRange(content.CategoryIds.Select((c, i) => new ArticleCategory { ArticleId = article.Id, IssueTypeId = c, Order = i }));
    }

    private Task<ArticleVersion> LatestAsync(Article article, CancellationToken cancellationToken) =>
        db.Set<ArticleVersion>().AsNoTracking().SingleAsync(v => v.ArticleId == article.Id && v.Number == article.LatestVersion, cancellationToken);

    private async Task<Result<ArticleDetail>> DetailAsync(Article article, KnowledgeReader reader, CancellationToken cancellationToken) =>
        await details.DetailAsync(article, article.LatestVersion, reader, cancellationToken);

    private static string Describe(ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => "in review",
        _ => status.ToString().ToLowerInvariant(),
    };
}
