using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Accounts.ReleasePasswords;

/// <summary>One person's first passwords (a staff member's, typically), shown once after the confirm step: the district's account managers only.</summary>
[Authorize(Policy = AccountsPermissions.Passwords)]
public sealed class PersonModel(ReleasePasswordsHandler handler) : PageModel
{
    public PersonSheet Sheet { get; private set; } = null!;

    public bool Released { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid personId, CancellationToken cancellationToken) => ShowAsync(personId, release: false, cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid personId, CancellationToken cancellationToken) => ShowAsync(personId, release: true, cancellationToken);

    private async Task<IActionResult> ShowAsync(Guid personId, bool release, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var result = await handler.PersonAsync(personId, DirectoryReader.Of(HttpContext), release, cancellationToken);
        if (!result.Succeeded)
        {
            return this.Refuse(result.Failure) ?? NotFound();
        }

        (Sheet, Released) = (result.Value, release);
        return Page();
    }
}
