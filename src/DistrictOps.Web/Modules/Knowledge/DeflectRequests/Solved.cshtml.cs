using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Knowledge.DeflectRequests;

/// <summary>Where "This solved it" on the Ask-for-help form lands: the request ends here, counted, and no ticket is opened.</summary>
[Authorize(Policy = KnowledgePermissions.Read)]
public sealed class SolvedModel(DeflectionHandler handler, PermissionRegistry permissions) : PageModel
{
    public SolvedArticle? Article { get; private set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(long? articleId, [FromForm(Name = "Input.SiteId")] Guid? siteId, [FromForm(Name = "Input.IssueTypeId")] int? issueTypeId, CancellationToken cancellationToken)
    {
        var solved = await handler.SolvedAsync(new SolvedCommand(articleId, siteId, issueTypeId), KnowledgeReader.For(User, permissions), cancellationToken);
        if (!solved.Succeeded)
        {
            return this.Refuse(solved.Failure) ?? BadRequest();
        }

        Article = solved.Value;
        return Page();
    }
}
