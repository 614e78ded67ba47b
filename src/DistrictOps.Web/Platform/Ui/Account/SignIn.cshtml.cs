using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Ui.Account;

public sealed class SignInModel(
    AppSignInManager signIn,
    UserManager<AppUser> users,
    SignInThrottle throttle,
    DemoAccountGate demoGate,
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

        if (throttle.TryAttempt(HttpContext.Connection.RemoteIpAddress?.ToString(), users.NormalizeEmail(Input.Email)) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            Error = t["Too many sign-in attempts. Try again in {0} minutes, or ask the help desk.", minutes];
            return Page();
        }

        var result = await signIn.PasswordSignInByEmailAsync(Input.Email, Input.Password);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        // Demo accounts are public knowledge; any other refusal reads like a wrong password so it does not confirm an account.
        Error = demoGate.Refuses(users.NormalizeEmail(Input.Email))
            ? t["Demo accounts are switched off on this installation."]
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
