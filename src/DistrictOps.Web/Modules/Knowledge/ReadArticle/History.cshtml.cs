using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Knowledge.ReadArticle;

/// <summary>Every version of an article, any two compared line by line, and an earlier one restored as a new draft.</summary>
[Authorize(Policy = KnowledgePermissions.Write)]
public sealed class HistoryModel(ReadArticleHandler handler, WriteArticleHandler writer, ArticleDetails details, PermissionRegistry permissions) : PageModel
{
    public ArticleDetail Article { get; private set; } = null!;

    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public VersionDiff? Diff { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? lang, int? from, int? to, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, lang, cancellationToken) is { } missing)
        {
            return missing;
        }

        var newest = Versions[0].Number;
        var (older, newer) = (from ?? Math.Max(1, (to ?? newest) - 1), to ?? newest);
        if (older != newer)
        {
            var diff = await handler.DiffAsync(Article.Id, Math.Min(older, newer), Math.Max(older, newer), cancellationToken);
            Diff = diff.Value;
            Problem = diff.Failure?.Message;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string slug, string? lang, int version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, lang, cancellationToken) is { } missing)
        {
            return missing;
        }

        var restored = await writer.RestoreAsync(Article.Id, version, KnowledgeReader.For(User, permissions), cancellationToken);
        if (!restored.Succeeded)
        {
            return NotFound();
        }

        TempData["Saved"] = $"Version {version} is saved again as version {restored.Value.LatestVersion}, a draft to review.";
        return Redirect(ArticleDetails.UrlOf(restored.Value.Slug, restored.Value.Language, latest: true));
    }

    private async Task<IActionResult?> LoadAsync(string slug, string? lang, CancellationToken cancellationToken)
    {
        var found = await details.FindAsync(slug, lang ?? ArticleLanguages.English, KnowledgeReader.For(User, permissions), latest: true, cancellationToken);
        if (found is not var (_, article))
        {
            return NotFound();
        }

        Article = article;
        Versions = await handler.HistoryAsync(article.Id, cancellationToken);
        return null;
    }
}
