using DistrictOps.Web.Platform.Time;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Users.ResetPassword;

/// <summary>
/// The "Email a password reset link" button of the account page posts here: on success back to the account page with the
/// message; a refusal is shown here with its status code and a way back.
/// </summary>
[Authorize(Policy = UsersPermissions.Manage)]
public sealed class IssueResetLinkModel(PasswordResetHandler handler, DistrictTime time, IStringLocalizer<SharedResource> t) : PageModel
{
    public Guid UserId { get; private set; }

    /// <summary>Shown by the account page after the redirect (its own <c>Saved</c>).</summary>
    [TempData]
    public string? Saved { get; set; }

    public IActionResult OnGet(Guid id) => Redirect($"/admin/users/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        UserId = id;
        var result = await handler.IssueAsync(id, Actor.Of(User), cancellationToken);
        if (!result.Succeeded)
        {
            return this.RefuseOnPage(result.Failure) ?? Page();
        }

        Saved = t["A password reset link was emailed to {0}. It works once, until {1}.", result.Value.Email, time.Absolute(result.Value.ExpiresAt)];
        return Redirect($"/admin/users/{id}");
    }
}
