using System.Globalization;
using System.Net;
using System.Text;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Knowledge.Articles;

/// <summary>What to look for; every filter is optional. <see cref="Status"/> and drafts are for writers only.</summary>
public sealed record ArticleQuery(
    string? Text = null,
    IReadOnlyCollection<int>? CategoryIds = null,
    ArticleAudience? Audience = null,
    string? Language = null,
    ArticleKind? Kind = null,
    ArticleStatus? Status = null,
    string? Tag = null,
    string? PreferLanguage = null);

/// <summary>
/// An article that matched. <see cref="Snippet"/> is plain text with the matched words between <see cref="ArticleSearch.MarkStart"/>
/// and <see cref="ArticleSearch.MarkEnd"/>; <see cref="ArticleSearch.SnippetHtml"/> makes it safe HTML with &lt;mark&gt;.
/// </summary>
public sealed record ArticleHit(
    long Id, string Slug, string Language, string Kind, string Audience, string Status, bool Live, string Title, string Summary, string Snippet, string Url, double Rank);

/// <summary>
/// Full-text search with each database's own engine, over the content readers see (ADR 0028): SQLite an FTS5 table (porter
/// stemming, accents folded) ranked by BM25 with the title weighing most; PostgreSQL a stored tsvector per article in its
/// language's configuration (english or spanish) under a GIN index, ranked by ts_rank_cd, snippets by ts_headline.
/// A search asks for every word; a suggestion (the words of a request being typed) for any of them, best first.
/// </summary>
public sealed class ArticleSearch(AppDbContext db)
{
    public const char MarkStart = '\u27E6';
    public const char MarkEnd = '\u27E7';
    public const int MaxTextLength = 500;

    private static readonly HashSet<string> StopWords = new(
        """
        a an and are as at be but by can do does for from has have how i if in into is it its me my no not of on or our so
        that the their them then there these they this to was we were what when where which who why will with you your
        el la los las un una unos unas y o de del al en con por para que se su sus mi mis es son no lo le les como pero
        muy ya hay está esta este esto estos estas ser
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    /// <summary>Matches in rank order (no text: by title), filtered to what <paramref name="reader"/> may read, one page.</summary>
    public async Task<PagedResult<ArticleHit>> SearchAsync(ArticleQuery query, KnowledgeReader reader, PageRequest page, CancellationToken cancellationToken = default)
    {
        var articles = Filtered(query, reader);
        var words = Words(query.Text);
        if (words.Count == 0)
        {
            var total = await articles.CountAsync(cancellationToken);
            var rows = await Rows(articles.OrderBy(a => a.Title).ThenBy(a => a.Id).Skip(page.Skip).Take(page.Size)).ToListAsync(cancellationToken);
            return new PagedResult<ArticleHit>(rows.Select(a => Hit(a, a.Summary, 0)).ToList(), total, page.Page, page.Size);
        }

        var ranked = await RankedAsync(articles, await RanksAsync(words, any: false, cancellationToken), cancellationToken);
        var shown = await WithSnippetsAsync(ranked.Skip(page.Skip).Take(page.Size).ToList(), words, any: false, cancellationToken);
        return new PagedResult<ArticleHit>(shown, ranked.Count, page.Page, page.Size);
    }

    /// <summary>
    /// Up to <paramref name="max"/> live articles for a request being typed: any of its words, best first, those filed
    /// under the request's issue type (or one above or below it) counting double.
    /// </summary>
    public async Task<IReadOnlyList<ArticleHit>> SuggestAsync(string text, IReadOnlyCollection<int>? issueTypes, string? language, KnowledgeReader reader, int max, CancellationToken cancellationToken = default)
    {
        var words = Words(text).Where(w => !StopWords.Contains(w) && w.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase).Take(30).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var readerOnly = reader with { Writes = false };
        var ranked = await RankedAsync(Filtered(new ArticleQuery(Language: language), readerOnly), await RanksAsync(words, any: true, cancellationToken), cancellationToken);
        if (issueTypes is { Count: > 0 })
        {
            var ids = ranked.Select(h => h.Id).ToList();
            var filed = (await db.Set<ArticleCategory>().Where(c => ids.Contains(c.ArticleId) && issueTypes.Contains(c.IssueTypeId)).Select(c => c.ArticleId).ToListAsync(cancellationToken)).ToHashSet();
            // Filed under the request's issue type counts double: a strong match elsewhere still beats a weak one there.
            ranked = ranked.Select(h => filed.Contains(h.Id) ? h with { Rank = h.Rank * 2 } : h).OrderByDescending(h => h.Rank).ThenBy(h => h.Title, StringComparer.CurrentCulture).ToList();
        }

        return ranked.Take(max).ToList();
    }

    /// <summary>The snippet as HTML: the text encoded, the matched words in &lt;mark&gt;.</summary>
    public static string SnippetHtml(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal).Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);

    /// <summary>The words of a query: letters and digits, in order; nothing else reaches the engines' query syntax.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in (text ?? "").Length > MaxTextLength ? text![..MaxTextLength] : text ?? "")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private IQueryable<Article> Filtered(ArticleQuery query, KnowledgeReader reader)
    {
        var articles = db.Set<Article>().AsNoTracking().Where(reader.Sees(withDrafts: reader.Writes && query.Status is not null and not ArticleStatus.Published));
        if (query.Status is { } status && reader.Writes)
        {
            articles = status == ArticleStatus.Published ? articles.Where(a => a.LiveVersion != null && a.RetiredAt == null) : articles.Where(a => a.Status == status);
        }

        if (query.Audience is { } audience)
        {
            articles = articles.Where(a => a.Audience == audience);
        }

        if (query.Language is { Length: > 0 } language)
        {
            articles = articles.Where(a => a.Language == language);
        }

        if (query.Language is null && query.PreferLanguage is { Length: > 0 } preferred)
        {
            // Each article once: in the preferred language where a live translation exists, else as written.
            articles = articles.Where(a => a.Language == preferred
                || !db.Set<Article>().Any(t => t.Slug == a.Slug && t.Language == preferred && t.LiveVersion != null && t.RetiredAt == null));
        }

        if (query.Kind is { } kind)
        {
            articles = articles.Where(a => a.Kind == kind);
        }

        if (query.CategoryIds is { Count: > 0 } categories)
        {
            articles = articles.Where(a => a.Categories.Any(c => categories.Contains(c.IssueTypeId)));
        }

        if (query.Tag is { Length: > 0 } tag)
        {
            var lower = tag.Trim().ToLower(CultureInfo.InvariantCulture);
            articles = articles.Where(a => ("," + a.Tags.Replace(" ", "") + ",").Contains("," + lower.Replace(" ", "") + ","));
        }

        return articles;
    }

    private static async Task<List<ArticleHit>> RankedAsync(IQueryable<Article> articles, IReadOnlyDictionary<long, double> ranks, CancellationToken cancellationToken)
    {
        if (ranks.Count == 0)
        {
            return [];
        }

        var ids = ranks.Keys.ToList();
        var rows = await Rows(articles.Where(a => ids.Contains(a.Id))).ToListAsync(cancellationToken);
        return rows.Select(a => Hit(a, a.Summary, ranks[a.Id])).OrderByDescending(h => h.Rank).ThenBy(h => h.Title, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The columns a result shows: never the bodies, which only the engine reads.</summary>
    private static IQueryable<HitRow> Rows(IQueryable<Article> articles) =>
        articles.Select(a => new HitRow(a.Id, a.Slug, a.Language, a.Kind, a.Audience, a.Status, a.LiveVersion != null && a.RetiredAt == null, a.Title, a.Summary));

    private sealed record HitRow(long Id, string Slug, string Language, ArticleKind Kind, ArticleAudience Audience, ArticleStatus Status, bool Live, string Title, string Summary);

    private sealed record RankRow(long Id, double Rank);

    private sealed record SnippetRow(long Id, string? Snippet);

    /// <summary>Every matching article's rank (higher is better), from the engine alone.</summary>
    private async Task<Dictionary<long, double>> RanksAsync(IReadOnlyList<string> words, bool any, CancellationToken cancellationToken)
    {
        List<RankRow> rows;
        if (db.Database.IsSqlite())
        {
            var expression = FtsExpression(words, any);
            rows = await db.Database.SqlQuery<RankRow>($"""
                SELECT rowid AS "Id", -bm25(knowledge_articles_fts, 10.0, 4.0, 4.0, 1.0) AS "Rank"
                FROM knowledge_articles_fts WHERE knowledge_articles_fts MATCH {expression}
                """).ToListAsync(cancellationToken);
        }
        else
        {
            var text = TsText(words, any);
            rows = await db.Database.SqlQuery<RankRow>($"""
                SELECT a."Id", ts_rank_cd(a."SearchVector", q.query, 32)::float8 AS "Rank"
                FROM knowledge_articles a
                CROSS JOIN LATERAL (SELECT websearch_to_tsquery(CASE WHEN a."Language" = 'es' THEN 'spanish'::regconfig ELSE 'english'::regconfig END, {text}) AS query) q
                WHERE a."SearchVector" @@ q.query
                """).ToListAsync(cancellationToken);
        }

        return rows.DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => r.Rank);
    }

    /// <summary>The shown hits with the body's best passage, matches marked: asked of the engine for these few articles only.</summary>
    private async Task<List<ArticleHit>> WithSnippetsAsync(List<ArticleHit> hits, IReadOnlyList<string> words, bool any, CancellationToken cancellationToken)
    {
        if (hits.Count == 0)
        {
            return hits;
        }

        var ids = hits.Select(h => h.Id).ToList();
        List<SnippetRow> rows;
        if (db.Database.IsSqlite())
        {
            var expression = FtsExpression(words, any);
            var (start, end) = (MarkStart.ToString(), MarkEnd.ToString());
            var first = ids.Min();
            var last = ids.Max();
            rows = await db.Database.SqlQuery<SnippetRow>($"""
                SELECT rowid AS "Id", snippet(knowledge_articles_fts, 3, {start}, {end}, '…', 24) AS "Snippet"
                FROM knowledge_articles_fts WHERE knowledge_articles_fts MATCH {expression} AND rowid BETWEEN {first} AND {last}
                """).ToListAsync(cancellationToken);
        }
        else
        {
            var text = TsText(words, any);
            var options = $"StartSel={MarkStart}, StopSel={MarkEnd}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";
            rows = await db.Database.SqlQuery<SnippetRow>($"""
                SELECT a."Id", ts_headline(q.config, a."PlainText", websearch_to_tsquery(q.config, {text}), {options}) AS "Snippet"
                FROM knowledge_articles a
                CROSS JOIN LATERAL (SELECT CASE WHEN a."Language" = 'es' THEN 'spanish'::regconfig ELSE 'english'::regconfig END AS config) q
                WHERE a."Id" = ANY({ids.ToArray()})
                """).ToListAsync(cancellationToken);
        }

        var snippets = rows.Where(r => ids.Contains(r.Id) && r.Snippet is { Length: > 0 }).DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => r.Snippet!);
        return hits.Select(h => snippets.TryGetValue(h.Id, out var snippet) ? h with { Snippet = snippet } : h).ToList();
    }

    /// <summary>SQLite: each word a quoted FTS5 string (quotes doubled), so no operator can be typed in.</summary>
    private static string FtsExpression(IReadOnlyList<string> words, bool any) =>
        string.Join(any ? " OR " : " ", words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>PostgreSQL: websearch_to_tsquery never fails on user text; "or" between the words asks for any of them.</summary>
    private static string TsText(IReadOnlyList<string> words, bool any) => string.Join(any ? " or " : " ", words);

    private static ArticleHit Hit(HitRow a, string snippet, double rank) =>
        new(a.Id, a.Slug, a.Language, a.Kind.ToString(), a.Audience.ToString(), a.Status.ToString(), a.Live, a.Title, a.Summary, snippet,
            ArticleDetails.UrlOf(a.Slug, a.Language), rank);
}
