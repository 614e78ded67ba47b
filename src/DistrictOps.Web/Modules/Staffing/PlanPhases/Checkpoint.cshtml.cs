using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Staffing.Sizing;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Time;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Staffing.PlanPhases;

/// <summary>A phase's checkpoint: the figures that justify the next phase, and what was decided.</summary>
[Authorize(Policy = StaffingPermissions.Read)]
public sealed class CheckpointModel(PlanHandler handler, WorkloadFigures workload, DistrictTime time, PermissionRegistry permissions) : PageModel
{
    /// <summary>The help desk's figures during the phase (from its start to its checkpoint, or today) and over as long before it; null before it starts.</summary>
    public (WorkloadSnapshot Before, WorkloadSnapshot During)? Figures { get; private set; }

    /// <summary>The last day the figures during the phase cover: its checkpoint, or today when that is earlier.</summary>
    public DateOnly FiguresEnd { get; private set; }

    public PhaseRow Phase { get; private set; } = null!;

    public bool CanManage { get; private set; }

    [BindProperty]
    public CheckpointForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        Input.Decision = Phase.Decision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int number, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, StaffingPermissions.Manage))
        {
            return Forbid();
        }

        var recorded = await handler.CheckpointAsync(number, new CheckpointCommand(Input.Decision, Input.Draft != true), User.Identity?.Name ?? "", cancellationToken);
        if (recorded.Succeeded)
        {
            TempData["Saved"] = "The checkpoint was recorded.";
            return Redirect($"/staffing/plan/phases/{number}/checkpoint");
        }

        if (this.Refuse(recorded.Failure) is { } refused)
        {
            return refused;
        }

        await LoadAsync(number, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int number, CancellationToken cancellationToken)
    {
        CanManage = permissions.Grants(User, StaffingPermissions.Manage);
        var found = await handler.GetAsync(number, cancellationToken);
        if (!found.Succeeded)
        {
            return false;
        }

        Phase = found.Value;
        var end = FiguresEnd = Phase.CheckpointOn < time.Today ? Phase.CheckpointOn : time.Today;
        if (end > Phase.StartsOn)
        {
            var (from, to) = (time.StartOf(Phase.StartsOn), time.StartOf(end));
            var windows = await workload.ForWindowsAsync([(from - (to - from), from), (from, to)], cancellationToken);
            Figures = (windows[0], windows[1]);
        }

        return true;
    }
}

public sealed class CheckpointForm
{
    [Display(Name = "Decision")]
    public string? Decision { get; set; }

    [Display(Name = "Keep as a draft (the checkpoint is not held yet)")]
    public bool? Draft { get; set; }
}
