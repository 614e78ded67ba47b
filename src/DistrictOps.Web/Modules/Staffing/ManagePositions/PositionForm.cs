using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DistrictOps.Web.Modules.Staffing.Data;

namespace DistrictOps.Web.Modules.Staffing.ManagePositions;

/// <summary>The position form's fields; the handler checks them.</summary>
public sealed class PositionForm
{
    /// <summary>The new position's id, chosen when the form is first shown, so submitting it twice adds it once.</summary>
    public Guid? RequestId { get; set; }

    public OrgStructure? Structure { get; set; }

    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Job family")]
    public string? JobFamily { get; set; }

    /// <summary>As typed (a number input sends 0.5 whatever the page's language), read in the invariant culture.</summary>
    [Display(Name = "FTE")]
    public string? Fte { get; set; } = "1.00";

    [Display(Name = "Reports to")]
    public Guid? ReportsToId { get; set; }

    [Display(Name = "Support tier")]
    public int? SupportTier { get; set; }

    public Guid? PersonId { get; set; }

    [Display(Name = "Find a staff member")]
    public string? PersonQuery { get; set; }

    [Display(Name = "What the proposal changes")]
    public string? Change { get; set; }

    /// <summary>The FTE typed, or -1 (which the handler refuses with its message) when it is not a number.</summary>
    public SavePositionCommand ToCommand(Guid? id) => new(id ?? RequestId, Structure, Title, JobFamily,
        string.IsNullOrWhiteSpace(Fte) ? null : decimal.TryParse(Fte.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fte) ? fte : -1m,
        ReportsToId, SupportTier, PersonId, Change);

    public static PositionForm From(PositionRow p) => new()
    {
        Structure = p.Structure, Title = p.Title, JobFamily = p.JobFamily, Fte = p.Fte.ToString("0.00", CultureInfo.InvariantCulture), ReportsToId = p.ReportsToId,
        SupportTier = p.SupportTier, PersonId = p.PersonId, Change = p.Change,
    };
}
