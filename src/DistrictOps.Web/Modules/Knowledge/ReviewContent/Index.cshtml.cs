using DistrictOps.Web.Modules.Knowledge.Articles;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Knowledge.ReviewContent;

/// <summary>The writers' and reviewers' list: what waits for review, drafts, the stale-content report, readers' feedback and use.</summary>
[Authorize(Policy = KnowledgePermissions.Write)]
public sealed class IndexModel(ReviewContentHandler handler, PermissionRegistry permissions) : PageModel
{
    public ReviewOverview Overview { get; private set; } = null!;

    public bool Reviews { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reader = KnowledgeReader.For(User, permissions);
        Reviews = reader.Reviews;
        var page = QueryReader.ReadPaging(Request.Query);
        Overview = await handler.OverviewAsync(reader, page.Succeeded ? page.Value : new PageRequest(1, null), cancellationToken);
    }

    public async Task<IActionResult> OnPostDoneAsync(long task, CancellationToken cancellationToken)
    {
        var done = await handler.DoneAsync(task, KnowledgeReader.For(User, permissions), cancellationToken);
        if (!done.Succeeded)
        {
            return NotFound();
        }

        TempData["Saved"] = "Marked done.";
        return Redirect("/knowledge/reviews#tasks");
    }
}
