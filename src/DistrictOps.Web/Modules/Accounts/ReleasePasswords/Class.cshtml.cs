using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Accounts.ReleasePasswords;

/// <summary>
/// A class's first passwords: whose wait, whose were shown and when, who has no account yet; then, after the confirm step,
/// the printable sheet with the waiting passwords, shown this once. The class's teacher, or the district's account managers.
/// </summary>
public sealed class ClassModel(ReleasePasswordsHandler handler) : PageModel
{
    public ClassSheet Sheet { get; private set; } = null!;

    /// <summary>Whether this answer is the release (the post), not the confirm step.</summary>
    public bool Released { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid classId, CancellationToken cancellationToken) => ShowAsync(classId, release: false, cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid classId, CancellationToken cancellationToken) => ShowAsync(classId, release: true, cancellationToken);

    private async Task<IActionResult> ShowAsync(Guid classId, bool release, CancellationToken cancellationToken)
    {
        // Names, and on the post the passwords themselves: kept by no cache, and never a redirect through TempData.
        Response.Headers.CacheControl = "no-store";
        var result = await handler.ClassAsync(classId, DirectoryReader.Of(HttpContext), release, cancellationToken);
        if (!result.Succeeded)
        {
            return this.Refuse(result.Failure) ?? NotFound();
        }

        (Sheet, Released) = (result.Value, release);
        return Page();
    }
}
