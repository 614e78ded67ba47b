using System.Linq.Expressions;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Knowledge.Articles;

public sealed record CategoryRef(int Id, string Path);

public sealed record TranslationRef(string Language, string Title, string Status, bool Live);

/// <summary>An article as the API and the pages show it: the content of <see cref="Version"/>, rendered.</summary>
public sealed record ArticleDetail(
    long Id,
    string Slug,
    string Language,
    string Kind,
    string Status,
    bool Live,
    string Audience,
    string Title,
    string Summary,
    string Body,
    string Html,
    IReadOnlyList<ProcedureStep> Steps,
    IReadOnlyList<string> Tags,
    IReadOnlyList<CategoryRef> Categories,
    IReadOnlyList<string> DeviceModels,
    int Version,
    int LatestVersion,
    int? LiveVersion,
    string OwnerName,
    Guid? OwnerUserId,
    DateOnly? ReviewBy,
    int ReviewMonths,
    int Views,
    int Helpful,
    int NotHelpful,
    IReadOnlyList<TranslationRef> Translations,
    IReadOnlyList<ArticleFileRef> Files,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    string Url);

/// <summary>Loads an article for a reader: the live version for readers, the latest for writers who ask for it.</summary>
public sealed class ArticleDetails(AppDbContext db, IHelpdeskKnowledgeSources helpdesk, ArticleFiles files)
{
    /// <summary>An article's page; <paramref name="latest"/> asks for its newest version (writers see a draft there).</summary>
    public static string UrlOf(string slug, string language, bool latest = false)
    {
        var query = string.Join('&', new[] { language == ArticleLanguages.English ? null : $"lang={language}", latest ? "version=latest" : null }.OfType<string>());
        return query.Length == 0 ? $"/knowledge/{slug}" : $"/knowledge/{slug}?{query}";
    }

    /// <summary>
    /// The article <paramref name="slug"/> in <paramref name="language"/>, as <paramref name="reader"/> may see it: null when
    /// there is none they may read. <paramref name="latest"/> asks for the newest version (writers only; readers get the live one).
    /// </summary>
    public Task<(Article Article, ArticleDetail Detail)?> FindAsync(string slug, string language, KnowledgeReader reader, bool latest, CancellationToken cancellationToken) =>
        FindAsync(a => a.Slug == slug && a.Language == language, reader, latest, cancellationToken);

    public async Task<ArticleDetail?> FindAsync(long id, KnowledgeReader reader, bool latest, CancellationToken cancellationToken) =>
        (await FindAsync(a => a.Id == id, reader, latest, cancellationToken))?.Detail;

    /// <summary>Whether <paramref name="reader"/> may read the article (writers: its drafts too), without loading it.</summary>
    public Task<bool> ReadableAsync(long id, KnowledgeReader reader, CancellationToken cancellationToken) =>
        db.Set<Article>().Where(a => a.Id == id).Where(reader.Sees(withDrafts: true)).AnyAsync(cancellationToken);

    public async Task<ArticleDetail> DetailAsync(Article article, int number, KnowledgeReader reader, CancellationToken cancellationToken)
    {
        var version = await db.Set<ArticleVersion>().AsNoTracking().SingleAsync(v => v.ArticleId == article.Id && v.Number == number, cancellationToken);
        var translations = await db.Set<Article>().AsNoTracking().Where(a => a.Slug == article.Slug && a.Id != article.Id).Where(reader.Sees(withDrafts: true))
            .OrderBy(a => a.Language).Select(a => new { a.Language, a.Title, a.Status, a.LiveVersion, a.RetiredAt }).ToListAsync(cancellationToken);
        var paths = (await helpdesk.IssueTypesAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Path);
        var (body, _) = ArticleMarkdown.Parse(version.Body);
        body ??= new ArticleBody([new MarkdownPart(version.Body)]);
        return new ArticleDetail(
            article.Id, article.Slug, article.Language, article.Kind.ToString(), article.Status.ToString(), article.IsLive, version.Audience.ToString(),
            version.Title, version.Summary, version.Body, ArticleMarkdown.ToHtml(body), body.Steps,
            Split(version.Tags), ArticleContent.ParseCategories(version.CategoryIds).Select(id => new CategoryRef(id, paths.GetValueOrDefault(id) ?? $"#{id}")).ToList(),
            Split(version.DeviceModels), version.Number, article.LatestVersion, article.LiveVersion, article.OwnerName, article.OwnerUserId,
            article.ReviewBy, article.ReviewMonths, article.Views, article.Helpful, article.NotHelpful,
            translations.Select(t => new TranslationRef(t.Language, t.Title, t.Status.ToString(), t.LiveVersion != null && t.RetiredAt == null)).ToList(),
            await files.ListAsync(article.Id, cancellationToken),
            version.EditedAt, article.PublishedAt, UrlOf(article.Slug, article.Language));
    }

    private async Task<(Article Article, ArticleDetail Detail)?> FindAsync(
        Expression<Func<Article, bool>> which, KnowledgeReader reader, bool latest, CancellationToken cancellationToken)
    {
        var article = await db.Set<Article>().AsNoTracking().SingleOrDefaultAsync(which, cancellationToken);
        if (article is null || !reader.CanRead(article))
        {
            return null;
        }

        var number = latest && reader.Writes || article.LiveVersion is null ? article.LatestVersion : article.LiveVersion.Value;
        return (article, await DetailAsync(article, number, reader, cancellationToken));
    }

    private static List<string> Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
