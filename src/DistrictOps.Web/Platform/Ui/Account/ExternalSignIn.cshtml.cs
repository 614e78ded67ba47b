using DistrictOps.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Ui.Account;

/// <summary>
/// District single sign-on. Nobody is created here: the identity provider's account is linked to the
/// DistrictOps user that already has its email (one the provider says it verified), on first sign-in, and to
/// nobody else after that.
/// </summary>
public sealed class ExternalSignInModel(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IOptions<OidcOptions> oidc,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public string? Error { get; private set; }

    public IActionResult OnGet(string? returnUrl)
    {
        if (!oidc.Value.Enabled)
        {
            return NotFound();
        }

        var callback = Url.Page("/Platform/Ui/Account/ExternalSignIn", "Callback", new { returnUrl });
        var properties = signIn.ConfigureExternalAuthenticationProperties(AuthServiceCollectionExtensions.OidcScheme, callback);
        return Challenge(properties, AuthServiceCollectionExtensions.OidcScheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Error = t["The district sign-in did not complete. Try again."];
            return Page();
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false);
        if (result.Succeeded)
        {
            return LocalRedirect(target);
        }

        var email = oidc.Value.LinkableEmail(info.Principal);
        var user = email is null ? null : await users.FindByEmailAsync(email);
        if (user is null || result.IsLockedOut || result.IsNotAllowed)
        {
            Error = t["There is no DistrictOps account for this district account. Ask the help desk to add you."];
            return Page();
        }

        var linked = await users.AddLoginAsync(user, info);
        if (!linked.Succeeded)
        {
            Error = string.Join(" ", linked.Errors.Select(e => e.Description));
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return LocalRedirect(target);
    }
}
