using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Users.ChangePassword;

/// <summary>Any signed-in person; the fallback policy requires only that.</summary>
public sealed class ChangePasswordModel(
    ChangePasswordHandler handler,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(Actor.Of(User),
            new ChangePasswordCommand(Input.CurrentPassword, Input.NewPassword, Input.ConfirmPassword ?? ""), cancellationToken);
        if (!result.Succeeded)
        {
            return this.Refuse(result.Failure) ?? Page();
        }

        // The new security stamp ended every session, this one too: sign this one in again so only the others end.
        await signIn.RefreshSignInAsync((await users.FindByIdAsync(result.Value.ToString()))!);
        Saved = t["Your password is changed. Your other sessions have ended."];
        return RedirectToPage();
    }
}

/// <summary>The form; <see cref="ChangePasswordHandler"/> checks it.</summary>
public sealed class ChangePasswordInput : NewPasswordInput
{
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string? CurrentPassword { get; set; }
}
