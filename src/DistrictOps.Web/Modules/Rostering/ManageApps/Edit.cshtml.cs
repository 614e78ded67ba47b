using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Rostering.ManageApps;

/// <summary>Register an app, or change its vendor, contact, data-privacy agreement and status.</summary>
[Authorize(Policy = RosteringPermissions.Manage)]
public sealed class EditModel(AppsHandler handler) : PageModel
{
    [BindProperty]
    public AppForm Input { get; set; } = new();

    public AppRow? App { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return Page();
        }

        var found = await handler.GetAsync(id.Value, cancellationToken);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        App = found.Value;
        Input = AppForm.From(found.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        var saved = id is { } existing ? await handler.UpdateAsync(existing, Input.ToCommand(), cancellationToken) : await handler.CreateAsync(Input.ToCommand(), cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Saved"] = id is null ? "Registered. Now write what it may receive." : "Saved.";
            return Redirect(id is null ? $"/rostering/apps/{saved.Value.Id}/agreement" : $"/rostering/apps/{saved.Value.Id}");
        }

        if (this.Refuse(saved.Failure) is { } refused)
        {
            return refused;
        }

        App = id is { } appId ? (await handler.GetAsync(appId, cancellationToken)).Value : null;
        Response.StatusCode = saved.Failure.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
