using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Accounts.PlanAccounts;

/// <summary>
/// One directory's plan, made now from the Directory and the directory as they are: the changes by kind with their
/// reasons, the accounts left alone, leavers waiting out their grace, the guard's verdict, and the apply button.
/// </summary>
[Authorize(Policy = AccountsPermissions.Read)]
public sealed class PlanModel(AccountSync sync, PermissionRegistry permissions, IStringLocalizer<SharedResource> t) : PageModel
{
    public PlanPage? Plan { get; private set; }

    public string Target { get; private set; } = "";

    public string? Kind { get; private set; }

    public string? Problem { get; private set; }

    public bool MayApply => permissions.Grants(User, AccountsPermissions.Apply);

    public bool MayOverride => permissions.Grants(User, AccountsPermissions.Override);

    [TempData]
    public string? Saved { get; set; }

    [TempData]
    public string? Failures { get; set; }

    public async Task<IActionResult> OnGetAsync(string target, CancellationToken cancellationToken)
    {
        var query = new QueryReader(Request.Query);
        Kind = query.Enum<OperationKind>("kind")?.ToString();
        var page = query.Paging(100);
        ModelState.AddHandlerErrors(query.Errors.ToDictionary(), prefix: "");
        Target = target;
        var result = await sync.PlanAsync(target, User.DisplayName(), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Failure.Kind == Platform.OutcomeKind.NotFound)
            {
                return NotFound();
            }

            Problem = result.Failure.Message;
            return Page();
        }

        Plan = PlanPage.Of(result.Value, Kind, page);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string target, bool overrideGuard, CancellationToken cancellationToken)
    {
        if (!MayApply || (overrideGuard && !MayOverride))
        {
            return Forbid();
        }

        var result = await sync.ApplyAsync(target, overrideGuard, User.DisplayName(), cancellationToken);
        if (result.Succeeded)
        {
            var report = result.Value;
            Saved = t["{0:N0} of {1:N0} changes applied, {2:N0} failed.", report.Done, report.Planned, report.Failed].Value;
            Failures = report.Failures.Count == 0 ? null : string.Join('\n', report.Failures.Take(50));
        }
        else
        {
            Saved = result.Failure.Message;
        }

        return RedirectToPage(new { target });
    }
}
