using System.Globalization;
using System.Text;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform;

namespace DistrictOps.Web.Modules.Knowledge.Articles;

/// <summary>
/// An article's content as the editor, the API and the demo files give it. <see cref="Slug"/>, <see cref="Language"/> and
/// <see cref="Kind"/> are read on create only: a translation is a new article with its original's slug.
/// </summary>
public sealed record SaveArticleCommand(
    string? Title,
    string? Summary,
    string? Body,
    string? Audience,
    IReadOnlyList<int>? CategoryIds = null,
    string? Tags = null,
    string? DeviceModels = null,
    string? Kind = null,
    string? Language = null,
    string? Slug = null,
    int? ReviewMonths = null,
    string? Note = null,
    int? BaseVersion = null);

/// <summary>Checked, normalised content: what a version stores.</summary>
public sealed record ArticleContent(
    string Title, string Summary, string Body, string PlainText, ArticleAudience Audience, string Tags, IReadOnlyList<int> CategoryIds, string DeviceModels)
{
    public string CategoryList => string.Join(',', CategoryIds);

    /// <summary>A saved version's content again (to restore or publish it); its body was checked when it was saved.</summary>
    public static ArticleContent From(ArticleVersion version)
    {
        var (body, _) = ArticleMarkdown.Parse(version.Body);
        return new(version.Title, version.Summary, version.Body, body is null ? version.Body : ArticleMarkdown.ToPlainText(body), version.Audience, version.Tags,
            ParseCategories(version.CategoryIds), version.DeviceModels);
    }

    public static IReadOnlyList<int> ParseCategories(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();

    public bool SameAs(ArticleVersion version) =>
        Title == version.Title && Summary == version.Summary && Body == version.Body && Audience == version.Audience
        && Tags == version.Tags && CategoryList == version.CategoryIds && DeviceModels == version.DeviceModels;
}

public static class ArticleRules
{
    public const int MaxTags = 12;
    public const int MaxCategories = 6;
    public static readonly IReadOnlyList<int> ReviewMonthChoices = [3, 6, 12, 24];

    /// <summary>Addresses the knowledge base's own pages use (<c>/knowledge/reviews</c>), so no article may take them.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal) { "write", "reviews", "solved", "search", "new" };

    /// <summary>The content, or every field's problem at once; a procedure needs a steps block, an article may not have one.</summary>
    public static Result<ArticleContent> Check(SaveArticleCommand command, ArticleKind kind, IReadOnlyList<IssueTypeSummary> issueTypes)
    {
        var errors = new ErrorList();
        return Check(command, kind, issueTypes, errors) is { } content ? content : Result.Invalid(errors);
    }

    /// <summary>The same, adding the problems to <paramref name="errors"/> beside the caller's own; null when the list holds any.</summary>
    public static ArticleContent? Check(SaveArticleCommand command, ArticleKind kind, IReadOnlyList<IssueTypeSummary> issueTypes, ErrorList errors)
    {
        var title = errors.Required("title", command.Title, "Give the article a title people would search for.");
        errors.MaxLength("title", title, Article.TitleMaxLength);
        var summary = errors.Required("summary", command.Summary, "Say in a sentence or two what the article answers; search results and suggestions show it.");
        errors.MaxLength("summary", summary, Article.SummaryMaxLength);
        var body = errors.Required("body", command.Body, "Write the article's text.");
        errors.MaxLength("body", body, Article.BodyMaxLength);
        var audience = ParseAudience(command.Audience);
        if (audience is null)
        {
            errors.Add("audience", $"Choose who may read it: one of {string.Join(", ", Enum.GetNames<ArticleAudience>())}.");
        }

        var categories = (command.CategoryIds ?? []).Distinct().ToList();
        var known = issueTypes.ToDictionary(c => c.Id);
        foreach (var id in categories.Where(id => !known.ContainsKey(id)))
        {
            errors.Add("categoryIds", $"There is no help desk issue type {id}.");
        }

        if (categories.Count > MaxCategories)
        {
            errors.Add("categoryIds", $"File it under at most {MaxCategories} issue types.");
        }

        var tags = NormaliseList(command.Tags, lowerCase: true);
        if (tags.Count > MaxTags)
        {
            errors.Add("tags", $"At most {MaxTags} tags.");
        }

        var tagList = string.Join(", ", tags);
        errors.MaxLength("tags", tagList, Article.TagsMaxLength);
        var models = string.Join(", ", NormaliseList(command.DeviceModels, lowerCase: false));
        errors.MaxLength("deviceModels", models, Article.DeviceModelsMaxLength);
        ArticleBody? parsed = null;
        if (body is not null)
        {
            var (result, problems) = ArticleMarkdown.Parse(body);
            foreach (var problem in problems)
            {
                errors.Add("body", problem);
            }

            parsed = result;
            if (parsed is not null && kind == ArticleKind.Procedure && parsed.Steps.Count == 0)
            {
                errors.Add("body", $"A procedure needs its numbered steps: a '{ArticleMarkdown.StepsOpen}' line, one 'Responsible role | what to do' line per step, and a '{ArticleMarkdown.StepsClose}' line.");
            }
            else if (parsed is not null && kind == ArticleKind.Article && parsed.Steps.Count > 0)
            {
                errors.Add("body", "Only a procedure has a steps block; make it a procedure or write the steps as a list.");
            }
        }

        if (errors.Any)
        {
            return null;
        }

        return new ArticleContent(title!, summary!, body!.Replace("\r\n", "\n", StringComparison.Ordinal), ArticleMarkdown.ToPlainText(parsed!),
            audience!.Value, tagList, categories, models);
    }

    public static ArticleAudience? ParseAudience(string? text) => ParseName<ArticleAudience>(text);

    public static ArticleKind? ParseKind(string? text) => ParseName<ArticleKind>(text);

    public static ArticleStatus? ParseStatus(string? text) => ParseName<ArticleStatus>(text);

    /// <summary>An address-friendly name from a title: ASCII letters and digits, accents dropped, words joined by hyphens.</summary>
    public static string SlugFrom(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        text = text.Length <= Article.SlugMaxLength - 8 ? text : text[..(Article.SlugMaxLength - 8)].TrimEnd('-');
        return ReservedSlugs.Contains(text) || text.Length == 0 ? text + (text.Length == 0 ? "" : "-") + "article" : text;
    }

    public static bool IsSlug(string slug) =>
        slug.Length is > 0 and <= Article.SlugMaxLength && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !slug.StartsWith('-') && !slug.EndsWith('-') && !slug.Contains("--", StringComparison.Ordinal) && !ReservedSlugs.Contains(slug);

    private static TEnum? ParseName<TEnum>(string? text)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _) ? value : null;

    private static List<string> NormaliseList(string? text, bool lowerCase) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => lowerCase ? t.ToLower(CultureInfo.InvariantCulture) : t)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
