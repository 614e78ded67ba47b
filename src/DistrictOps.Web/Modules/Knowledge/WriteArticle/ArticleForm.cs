using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Data;

namespace DistrictOps.Web.Modules.Knowledge.WriteArticle;

/// <summary>The article editor's fields; the handler checks them (the page only binds).</summary>
public sealed class ArticleForm
{
    public string Kind { get; set; } = nameof(ArticleKind.Article);

    public string Language { get; set; } = ArticleLanguages.English;

    [Display(Name = "Address (optional)")]
    public string? Slug { get; set; }

    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    public string Audience { get; set; } = nameof(ArticleAudience.Staff);

    public List<int> CategoryIds { get; set; } = [];

    [Display(Name = "Tags (comma-separated)")]
    public string? Tags { get; set; }

    [Display(Name = "Device models (comma-separated, optional)")]
    public string? DeviceModels { get; set; }

    public int ReviewMonths { get; set; } = 12;

    public string? Body { get; set; }

    [Display(Name = "What changed (optional)")]
    public string? Note { get; set; }

    public int? BaseVersion { get; set; }

    public long? SourceTicketId { get; set; }

    public long? SourceProblemId { get; set; }

    public SaveArticleCommand ToCommand() =>
        new(Title, Summary, Body, Audience, CategoryIds, Tags, DeviceModels, Kind, Language, Slug, ReviewMonths, Note, BaseVersion);

    public static ArticleForm From(ArticleDetail article) => new()
    {
        Kind = article.Kind, Language = article.Language, Slug = article.Slug, Title = article.Title, Summary = article.Summary, Audience = article.Audience,
        CategoryIds = article.Categories.Select(c => c.Id).ToList(), Tags = string.Join(", ", article.Tags), DeviceModels = string.Join(", ", article.DeviceModels),
        ReviewMonths = article.ReviewMonths, Body = article.Body, BaseVersion = article.Version,
    };
}
