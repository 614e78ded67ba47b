using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Staffing.ManagePositions;

/// <summary>The department's positions, current and proposed, as org charts side by side with their totals, differences and every position.</summary>
[Authorize(Policy = StaffingPermissions.Read)]
public sealed class IndexModel(PositionsHandler handler, PermissionRegistry permissions, IStringLocalizer<SharedResource> t) : PageModel
{
    public PositionsOverview Overview { get; private set; } = new([], []);

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanManage = permissions.Grants(User, StaffingPermissions.Manage);
        Overview = await handler.OverviewAsync(null, DirectoryReader.Of(HttpContext), cancellationToken);
    }

    public static string Fte(decimal fte) => fte.ToString("0.0#", CultureInfo.CurrentCulture);

    public static string Number(decimal value, bool fte) => fte ? Fte(value) : value.ToString("N0", CultureInfo.CurrentCulture);

    public static string WithSign(decimal value, bool fte) => (value > 0 ? "+" : "") + Number(value, fte);

    /// <summary>A chart box's two lines: its title (with the count when it stands for several) and who holds it or how many are filled.</summary>
    public (string Title, string Detail) Lines(OrgBox box)
    {
        if (box.Count > 1)
        {
            var detail = t["{0} filled, {1} vacant", box.Filled, box.Vacant].Value;
            return ($"{box.Title} ×{box.Count}", box.Fte == box.Count ? detail : $"{detail} · {t["{0} FTE", Fte(box.Fte)].Value}");
        }

        var who = box.Holder is { Length: > 0 } holder ? holder : box.Holder is null ? t["Vacant"].Value : t["Filled"].Value;
        var parts = new List<string> { who };
        if (box.Fte != 1)
        {
            parts.Add(t["{0} FTE", Fte(box.Fte)].Value);
        }

        if (box.IsNew)
        {
            parts.Add(t["New"].Value);
        }

        return (box.Title, string.Join(" · ", parts));
    }

    /// <summary>What the proposal does to a current position: its title's fate, or its own change note.</summary>
    public string? Proposal(PositionRow position)
    {
        if (position.Structure == OrgStructure.Proposed || Overview.Changes is null)
        {
            return position.Change;
        }

        var change = Overview.Changes.FirstOrDefault(c => string.Equals(c.CurrentTitle, position.Title.Trim(), StringComparison.OrdinalIgnoreCase));
        return change?.Kind switch
        {
            TitleChangeKind.Eliminated => t["Eliminated"].Value,
            TitleChangeKind.Retitled => t["Becomes {0}", change.ProposedTitle!].Value,
            _ => position.Change,
        };
    }

    public string Description(StructurePositions structure) =>
        t["{0} positions ({1} FTE): {2} filled, {3} vacant. Each box is a position, or positions of one title under one manager with their count; a dashed border marks a vacant box and a thick border a new position. The table below lists every position.",
            structure.Totals.Positions, Fte(structure.Totals.Fte), structure.Totals.Filled, structure.Totals.Vacant].Value;
}
