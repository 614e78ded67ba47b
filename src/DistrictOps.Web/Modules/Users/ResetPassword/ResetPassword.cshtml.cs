using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Users.ResetPassword;

/// <summary>
/// The page a reset link opens, signed in or not. GET only shows whether the link works (mail scanners follow links);
/// the person's POST sets the password. A used, expired or unknown link is explained, with the status code that says so.
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(PasswordResetHandler handler) : PageModel
{
    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public ResetLinkView? Link { get; private set; }

    /// <summary>Why the link cannot be used, or null.</summary>
    public string? Problem { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken) =>
        Done ? Page() : await LoadAsync(token, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await handler.ResetAsync(new ResetPasswordCommand(token, Input.NewPassword, Input.ConfirmPassword ?? ""), cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage(new { token = (string?)null, done = true });
        }

        if (result.Failure.Kind == Platform.OutcomeKind.Invalid)
        {
            this.Refuse(result.Failure);
            return Page();
        }

        return Problematic(result.Failure);
    }

    private async Task<IActionResult?> LoadAsync(string? token, CancellationToken cancellationToken)
    {
        var link = await handler.CheckAsync(token, cancellationToken);
        if (link.Succeeded)
        {
            Link = link.Value;
            return null;
        }

        return Problematic(link.Failure);
    }

    private PageResult Problematic(Platform.Failure failure)
    {
        Link = null;
        Problem = failure.Message;
        var page = Page();
        page.StatusCode = failure.Kind == Platform.OutcomeKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
        return page;
    }
}
