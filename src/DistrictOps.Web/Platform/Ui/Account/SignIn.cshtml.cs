using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Ui.Account;

public sealed class SignInModel(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IOptions<DemoOptions> demo,
    IOptions<OidcOptions> oidc,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<DemoAccount> DemoAccounts => demo.Value.Seed ? Demo.DemoAccounts.All : [];

    public string DemoPassword => demo.Value.Password;

    public string? SsoDisplayName => oidc.Value.Enabled ? oidc.Value.DisplayName : null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        Error = result.IsLockedOut
            ? t["This account is locked after too many failed attempts. Try again in 15 minutes or ask the help desk."]
            : t["The email or password is incorrect."];
        return Page();
    }
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";
}
