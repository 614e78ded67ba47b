using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Staffing.ManagePositions;

/// <summary>Add a position to a structure, or change or delete one: title, family, FTE, manager, tier, holder and change note.</summary>
[Authorize(Policy = StaffingPermissions.Manage)]
public sealed class EditModel(PositionsHandler handler) : PageModel
{
    public const int FoundMax = 20;

    [BindProperty]
    public PositionForm Input { get; set; } = new();

    public PositionRow? Position { get; private set; }

    /// <summary>The boxes of the structure's chart a position may report to (not this one or those below it).</summary>
    public IReadOnlyList<OrgBox> Managers { get; private set; } = [];

    public IReadOnlyList<PersonSummary> Found { get; private set; } = [];

    /// <summary>The holder chosen (kept while searching for another).</summary>
    public PersonSummary? Chosen { get; private set; }

    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, OrgStructure? structure, Guid? reportsTo, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            var found = await handler.GetAsync(existing, DirectoryReader.Of(HttpContext), cancellationToken);
            if (!found.Succeeded)
            {
                return NotFound();
            }

            Input = PositionForm.From(found.Value);
        }
        else
        {
            Input = new PositionForm { RequestId = Guid.NewGuid(), Structure = structure is { } s && Enum.IsDefined(s) ? s : OrgStructure.Proposed, ReportsToId = reportsTo };
        }

        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var reader = DirectoryReader.Of(HttpContext);
        var saved = id is { } existing ? await handler.UpdateAsync(existing, Input.ToCommand(null), reader, cancellationToken)
            : await handler.CreateAsync(Input.ToCommand(null), reader, cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Saved"] = id is null ? "Position added." : "Position saved.";
            return Redirect("/staffing/positions");
        }

        if (this.Refuse(saved.Failure) is { } refused)
        {
            return refused;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(id, cancellationToken);
    }

    /// <summary>Looks for a staff member to hold the position; saves nothing.</summary>
    public async Task<IActionResult> OnPostFindAsync(Guid? id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Searched = true;
        Found = await handler.FindStaffAsync(Input.PersonQuery, FoundMax, cancellationToken);
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await handler.DeleteAsync(id, DirectoryReader.Of(HttpContext), cancellationToken);
        if (deleted.Succeeded || deleted.Kind == OutcomeKind.NotFound)
        {
            TempData["Saved"] = deleted.Succeeded ? "Position deleted." : "That position was already deleted.";
            return Redirect("/staffing/positions");
        }

        var found = await handler.GetAsync(id, DirectoryReader.Of(HttpContext), cancellationToken);
        Input = PositionForm.From(found.Value!);
        this.Refuse(deleted.Failure);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid? id, CancellationToken cancellationToken)
    {
        var reader = DirectoryReader.Of(HttpContext);
        if (id is { } existing)
        {
            var found = await handler.GetAsync(existing, reader, cancellationToken);
            if (!found.Succeeded)
            {
                return NotFound();
            }

            Position = found.Value;
            Input.Structure = Position.Structure;
        }

        var structure = Input.Structure is { } s && Enum.IsDefined(s) ? s : OrgStructure.Proposed;
        Input.Structure = structure;
        var chart = (await handler.OverviewAsync(structure, reader, cancellationToken)).Structures[0].Chart;
        var own = id is { } self ? chart.Boxes.FirstOrDefault(b => b.PositionIds.Contains(self)) : null;
        Managers = chart.Boxes.Where(b => own is null || !Below(chart, b, own)).ToList();
        Chosen = Input.PersonId is { } person ? await handler.StaffMemberAsync(person, reader, cancellationToken) : null;
        return Page();
    }

    /// <summary>Whether <paramref name="box"/> is <paramref name="top"/> or under it.</summary>
    private static bool Below(OrgChartLayout chart, OrgBox box, OrgBox top)
    {
        for (OrgBox? at = box; at is not null; at = at.ParentIndex is { } parent ? chart.Boxes[parent] : null)
        {
            if (at.Index == top.Index)
            {
                return true;
            }
        }

        return false;
    }
}
