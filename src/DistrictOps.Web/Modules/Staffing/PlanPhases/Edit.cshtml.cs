using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Modules.Staffing.Sizing;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Staffing.PlanPhases;

/// <summary>Add a phase to the plan, or change or delete one.</summary>
[Authorize(Policy = StaffingPermissions.Manage)]
public sealed class EditModel(PlanHandler handler) : PageModel
{
    [BindProperty]
    public PhaseForm Input { get; set; } = new();

    public PhaseRow? Phase { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? number, CancellationToken cancellationToken)
    {
        if (number is null)
        {
            var plan = await handler.GetAsync(cancellationToken);
            Input.Number = plan.Phases.Count == 0 ? 1 : plan.Phases[^1].Number + 1;
            return Page();
        }

        var found = await handler.GetAsync(number.Value, cancellationToken);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Phase = found.Value;
        Input = PhaseForm.From(found.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? number, CancellationToken cancellationToken)
    {
        var saved = await handler.SaveAsync(number, Input.ToCommand(), cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Saved"] = "Saved.";
            return Redirect("/staffing/plan");
        }

        return await ShowAgainAsync(number, saved.Failure, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int number, CancellationToken cancellationToken)
    {
        var deleted = await handler.DeleteAsync(number, cancellationToken);
        if (deleted.Succeeded)
        {
            TempData["Saved"] = "Deleted.";
            return Redirect("/staffing/plan");
        }

        return await ShowAgainAsync(number, deleted.Failure, cancellationToken);
    }

    private async Task<IActionResult> ShowAgainAsync(int? number, Failure failure, CancellationToken cancellationToken)
    {
        if (this.Refuse(failure) is { } refused)
        {
            return refused;
        }

        Phase = number is { } n ? (await handler.GetAsync(n, cancellationToken)).Value : null;
        Response.StatusCode = failure.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}

public sealed class PhaseForm
{
    [Display(Name = "Phase number")]
    public int? Number { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Devices added")]
    public int? DevicesAdded { get; set; }

    [Display(Name = "Starts on")]
    public DateOnly? StartsOn { get; set; }

    [Display(Name = "Checkpoint on")]
    public DateOnly? CheckpointOn { get; set; }

    [Display(Name = "Site technician FTE added")]
    public decimal? Tier1FteAdded { get; set; }

    [Display(Name = "Second-tier positions added")]
    public int? Tier2PositionsAdded { get; set; }

    [Display(Name = "Status")]
    public PhaseStatus? Status { get; set; } = PhaseStatus.Planned;

    public SavePhaseCommand ToCommand() => new(Number, Name, DevicesAdded, StartsOn, CheckpointOn, Tier1FteAdded, Tier2PositionsAdded, Status);

    public static PhaseForm From(PhaseRow p) => new()
    {
        Number = p.Number, Name = p.Name, DevicesAdded = p.DevicesAdded, StartsOn = p.StartsOn, CheckpointOn = p.CheckpointOn, Tier1FteAdded = p.Tier1FteAdded,
        Tier2PositionsAdded = p.Tier2PositionsAdded, Status = p.Status,
    };
}
