using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Rostering.IssueApiCredentials;

/// <summary>
/// An app's OneRoster API client: issue, make a new secret, revoke. A secret appears once, in the answer to the post that
/// made it, which is never cached; the page shown again has only the client id.
/// </summary>
[Authorize(Policy = RosteringPermissions.Manage)]
public sealed class IndexModel(ApiCredentialsHandler handler, AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public ApiCredentials Credentials { get; private set; } = null!;

    public IssuedSecret? Issued { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Whether the agreement shares demographics, so the vendor is told the scope for them too.</summary>
    public bool SharesDemographics { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostIssueAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await handler.IssueAsync(id, cancellationToken);
        return await ShowAsync(id, result.Succeeded ? result.Value : null, result.Failure, cancellationToken);
    }

    public async Task<IActionResult> OnPostRotateAsync(Guid id, string? stamp, CancellationToken cancellationToken)
    {
        var result = await handler.RotateAsync(id, stamp, cancellationToken);
        return await ShowAsync(id, result.Succeeded ? result.Value : null, result.Failure, cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string? stamp, CancellationToken cancellationToken)
    {
        var result = await handler.RevokeAsync(id, stamp, cancellationToken);
        if (result.Succeeded)
        {
            Message = t["The credentials were revoked: the app's secret and tokens no longer work."];
        }

        return await ShowAsync(id, null, result.Failure, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, IssuedSecret? issued, Platform.Failure? failure, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (failure is not null && this.Refuse(failure, prefix: "") is { } refused)
        {
            return refused;
        }

        if (failure?.Kind == Platform.OutcomeKind.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        Issued = issued;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var credentials = await handler.GetAsync(id, cancellationToken);
        if (!credentials.Succeeded)
        {
            return NotFound();
        }

        Credentials = credentials.Value;
        var fields = await db.Set<SharingAgreement>().Where(a => a.AppId == id).Select(a => (SharedFields?)a.Fields).FirstOrDefaultAsync(cancellationToken);
        SharesDemographics = fields is { } shared && Sharing.AgreementRules.SharesDemographics(shared);
        return null;
    }
}
