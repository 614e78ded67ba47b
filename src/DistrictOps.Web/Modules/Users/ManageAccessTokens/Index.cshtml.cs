using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Users.ManageAccessTokens;

[Authorize(Policy = UsersPermissions.OwnTokens)]
public sealed class IndexModel(AccessTokenHandler handler, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public CreatedToken? Created { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tokens = await handler.ListAsync(User.UserId()!.Value, cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.CreateAsync(User.UserId()!.Value, Input.Name, Input.ExpiresInDays, cancellationToken);
            if (result.Succeeded)
            {
                Created = result.Value;
                Input = new TokenInput();
                ModelState.Clear();
            }
            else if (this.Refuse(result.Failure) is { } refused)
            {
                return refused;
            }
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string name, CancellationToken cancellationToken)
    {
        var result = await handler.RevokeAsync(User.UserId()!.Value, name, cancellationToken);
        Message = result.Succeeded ? t["Token '{0}' was revoked.", name] : result.Failure.Message;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}

/// <summary>The create form; <see cref="AccessTokenHandler"/> checks it.</summary>
public sealed class TokenInput
{
    [Display(Name = "Token name")]
    public string? Name { get; set; }

    [Display(Name = "Expires after (days)")]
    public int? ExpiresInDays { get; set; }
}
