using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Staffing.EditScenarios;

/// <summary>The model and the scenarios side by side, and a new scenario copied from one of them.</summary>
[Authorize(Policy = StaffingPermissions.Read)]
public sealed class IndexModel(ScenariosHandler handler, PermissionRegistry permissions) : PageModel
{
    public ScenarioComparison Comparison { get; private set; } = null!;

    public bool CanManage { get; private set; }

    [BindProperty]
    public NewScenarioForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The scenarios side by side as CSV or XLSX.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken) =>
        ScenariosHandler.Table(await handler.CompareAsync(cancellationToken)).Download(format, "staffing-scenarios");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, StaffingPermissions.Manage))
        {
            return Forbid();
        }

        var made = await handler.CopyAsync(new CopyScenarioCommand(Input.Name, Input.CopyOf), User.Identity?.Name ?? "", cancellationToken);
        if (made.Succeeded)
        {
            TempData["Saved"] = "Made. Now change what the scenario tries.";
            return Redirect($"/staffing/scenarios/{made.Value.Settings.Id}/edit");
        }

        if (this.Refuse(made.Failure) is { } refused)
        {
            return refused;
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = made.Failure.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanManage = permissions.Grants(User, StaffingPermissions.Manage);
        Comparison = await handler.CompareAsync(cancellationToken);
    }
}

public sealed class NewScenarioForm
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Copy of")]
    public Guid? CopyOf { get; set; }
}
