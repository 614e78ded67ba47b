using System.Globalization;
using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Knowledge.ReadArticle;

/// <summary>
/// One article or procedure, for anyone its audience allows: public ones without signing in, in the visitor's language
/// when a translation is live. Readers vote; writers and reviewers move it through the workflow from here.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ReadArticleHandler reader, WriteArticleHandler writer, ArticleFiles files, PermissionRegistry permissions) : PageModel
{
    public ArticleDetail Article { get; private set; } = null!;

    public KnowledgeReader Reader { get; private set; } = KnowledgeReader.Anonymous;

    public bool ShowingDraft => Article.Version != Article.LiveVersion;

    public async Task<IActionResult> OnGetAsync(string slug, string? lang, string? version, CancellationToken cancellationToken)
    {
        Reader = KnowledgeReader.For(User, permissions);
        var latest = version == "latest" && Reader.Writes;
        ArticleDetail? found = null;
        foreach (var language in Languages(lang))
        {
            found = await reader.ReadAsync(slug, language, Reader, latest, countView: !latest, cancellationToken);
            if (found is not null)
            {
                break;
            }
        }

        if (found is null)
        {
            return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
        }

        Article = found;
        return Page();
    }

    public Task<IActionResult> OnPostVoteAsync(long id, bool? helpful, string? comment, CancellationToken cancellationToken) =>
        ActAsync(r => reader.VoteAsync(id, new VoteCommand(helpful, comment), r, cancellationToken), helpful == false ? "Thank you. The article's owner will look at it again." : "Thank you for saying so.");

    public Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(r => writer.SubmitAsync(id, r, cancellationToken), "Sent for review.");

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(r => writer.ApproveAsync(id, r, cancellationToken), "Approved and published.");

    public Task<IActionResult> OnPostSendBackAsync(long id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(r => writer.SendBackAsync(id, reason, r, cancellationToken), "Sent back to its writers, with your reason on the owner's list.");

    public Task<IActionResult> OnPostRetireAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(r => writer.RetireAsync(id, r, cancellationToken), "Retired: readers no longer see it.");

    public Task<IActionResult> OnPostMarkReviewedAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(r => writer.MarkReviewedAsync(id, r, cancellationToken), "Marked reviewed.");

    public async Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, CancellationToken cancellationToken)
    {
        var writerReader = KnowledgeReader.For(User, permissions);
        if (file is null || file.Length == 0)
        {
            TempData["Refused"] = "Choose a picture or PDF to add.";
            return Redirect(Request.Path + Request.QueryString);
        }

        await using var content = file.OpenReadStream();
        var added = await files.AddAsync(id, file.FileName, content, writerReader, cancellationToken);
        if (!added.Succeeded)
        {
            if (added.Failure.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
            {
                return this.Refuse(added.Failure)!;
            }

            TempData["Refused"] = string.Join(" ", added.Failure.Messages);
        }
        else
        {
            TempData["Saved"] = $"Added {added.Value.FileName}. To show it in the text, edit the article and paste: {added.Value.Markdown}";
        }

        return Redirect(Request.Path + Request.QueryString);
    }

    private async Task<IActionResult> ActAsync(Func<KnowledgeReader, Task<Result<ArticleDetail>>> act, string done)
    {
        Reader = KnowledgeReader.For(User, permissions);
        var result = await act(Reader);
        if (!result.Succeeded)
        {
            if (result.Failure.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
            {
                return this.Refuse(result.Failure)!;
            }

            TempData["Refused"] = string.Join(" ", result.Failure.Messages);
            return Redirect(Request.Path + Request.QueryString);
        }

        TempData["Saved"] = done;
        var article = result.Value;
        return Redirect(ArticleDetails.UrlOf(article.Slug, article.Language, latest: !article.Live || article.LiveVersion != article.LatestVersion));
    }

    /// <summary>The language asked for; else the visitor's, then English.</summary>
    private static IEnumerable<string> Languages(string? asked)
    {
        if (asked is not null)
        {
            return ArticleLanguages.All.Contains(asked) ? [asked] : [];
        }

        var visitor = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return ArticleLanguages.All.Contains(visitor) ? new[] { visitor, ArticleLanguages.English }.Distinct() : [ArticleLanguages.English];
    }
}
