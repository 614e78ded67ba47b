using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Users.EditUser;

/// <summary>One account: its roles and sites to change, and disable or enable it (its reset link button posts to <c>ResetPassword/</c>).</summary>
[Authorize(Policy = UsersPermissions.Manage)]
public sealed class EditUserModel(UserDetailHandler details, ISiteDirectory siteDirectory, IStringLocalizer<SharedResource> t) : PageModel
{
    public UserDetail Account { get; private set; } = null!;

    /// <summary>The roles and sites the form shows ticked: the account's, or what was posted when the change was refused.</summary>
    public AccessInput Input { get; private set; } = new();

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public bool IsOwnAccount => Account.Id == User.UserId();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAccessAsync(Guid id, AccessInput input, [FromServices] ChangeAccessHandler handler, CancellationToken ct) =>
        RunAsync(id, () => handler.HandleAsync(ChangeAccessCommand.Between(Account, input.Roles, input.Sites), Actor.Of(User), ct),
            t["Roles and sites saved. The person's open sessions ended; they sign in again to use the change."], input, ct);

    public Task<IActionResult> OnPostDisableAsync(Guid id, [FromServices] AccountStatusHandler handler, CancellationToken ct) =>
        RunAsync(id, () => handler.DisableAsync(id, Actor.Of(User), ct),
            t["The account is disabled: its sessions have ended and its API tokens no longer work."], null, ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, [FromServices] AccountStatusHandler handler, CancellationToken ct) =>
        RunAsync(id, () => handler.EnableAsync(id, Actor.Of(User), ct), t["The account is enabled again."], null, ct);

    private async Task<IActionResult> RunAsync<T>(Guid id, Func<Task<Result<T>>> work, string saved, AccessInput? posted, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = await work();
        if (result.Succeeded)
        {
            Saved = saved;
            return RedirectToPage(new { id });
        }

        if (this.RefuseOnPage(result.Failure) is { } refused)
        {
            return refused;
        }

        Input = posted ?? Input;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var detail = await details.HandleAsync(id, cancellationToken);
        if (!detail.Succeeded)
        {
            return false;
        }

        Account = detail.Value;
        Input = new AccessInput { Roles = [.. Account.Roles], Sites = [.. Account.Sites.Select(s => s.Id)] };
        Sites = await siteDirectory.ListAsync(cancellationToken);
        return true;
    }
}

/// <summary>The roles and sites form: what the account should have; the handler works out what to add and remove.</summary>
public sealed class AccessInput
{
    public List<string> Roles { get; set; } = [];

    public List<Guid> Sites { get; set; } = [];
}
