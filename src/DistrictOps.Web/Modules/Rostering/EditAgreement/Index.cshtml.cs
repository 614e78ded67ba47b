using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Rostering.EditAgreement;

/// <summary>Write what an app may receive and how it is delivered.</summary>
[Authorize(Policy = RosteringPermissions.Manage)]
public sealed class IndexModel(AgreementHandler handler, ISiteDirectory sites) : PageModel
{
    [BindProperty]
    public AgreementForm Input { get; set; } = new();

    public AgreementView Agreement { get; private set; } = null!;

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await handler.GetAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Agreement = found.Value;
        Input = AgreementForm.From(found.Value);
        Sites = await SitesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var saved = await handler.SaveAsync(id, Input.ToCommand(), User.Identity?.Name ?? "", cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Saved"] = saved.Value.Enabled ? "Saved." : "Saved. Preview what it would receive, then enable sharing.";
            return Redirect(saved.Value.Enabled ? $"/rostering/apps/{id}" : $"/rostering/apps/{id}/preview");
        }

        if (this.Refuse(saved.Failure) is { } refused)
        {
            return refused;
        }

        Agreement = (await handler.GetAsync(id, cancellationToken)).Value!;
        Sites = await SitesAsync(cancellationToken);
        Response.StatusCode = saved.Failure.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IReadOnlyList<SiteSummary>> SitesAsync(CancellationToken cancellationToken) =>
        (await sites.ListAsync(cancellationToken)).Where(s => s.Type != "District").OrderBy(s => s.Name).ToList();
}
