using DistrictOps.Web.Modules.Staffing.Sizing;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Staffing.EditScenarios;

/// <summary>Change a scenario (or the model): ratios per site type, sites and devices added, second tier, costs, workload basis.</summary>
[Authorize(Policy = StaffingPermissions.Manage)]
public sealed class EditModel(ScenariosHandler handler) : PageModel
{
    [BindProperty]
    public ScenarioForm Input { get; set; } = new();

    public ScenarioResult Scenario { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await handler.GetAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Scenario = found.Value;
        Input = ScenarioForm.From(found.Value.Settings);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var saved = await handler.UpdateAsync(id, Input.ToCommand(), User.Identity?.Name ?? "", cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Saved"] = "Saved.";
            return Redirect(saved.Value.Settings.IsModel ? "/staffing" : "/staffing/scenarios");
        }

        return await ShowAgainAsync(id, saved.Failure, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await handler.DeleteAsync(id, cancellationToken);
        if (deleted.Succeeded)
        {
            TempData["Saved"] = "Deleted.";
            return Redirect("/staffing/scenarios");
        }

        return await ShowAgainAsync(id, deleted.Failure, cancellationToken);
    }

    private async Task<IActionResult> ShowAgainAsync(Guid id, Failure failure, CancellationToken cancellationToken)
    {
        if (this.Refuse(failure) is { } refused)
        {
            return refused;
        }

        var found = await handler.GetAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Scenario = found.Value;
        Response.StatusCode = failure.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
