using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Modules.Staffing.Sizing;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Export;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Staffing.ReviewModel;

/// <summary>
/// The staffing model as the review tabulates it, from live data: site support by site type, current and proposed titles
/// with the net increase, and what the model comes to (devices per technician, yearly cost of the increase).
/// </summary>
public sealed record ModelView(
    ScenarioResult Model, IReadOnlyList<TitleChange> Titles, int Sites, int Devices, string DevicesSource, decimal CurrentTier1Fte, int CurrentTier2,
    decimal? DevicesPerTechnicianToday);

/// <summary>What the board sees: the model, the plan's phases and every scenario's figures.</summary>
public sealed record BoardView(ModelView Model, IReadOnlyList<PhaseRow> Phases, IReadOnlyList<ScenarioResult> Scenarios);

public sealed class ModelHandler(AppDbContext db, StaffingReader reader)
{
    public async Task<BoardView> BoardAsync(CancellationToken ct)
    {
        var model = await reader.ModelAsync(ct);
        var inputs = await reader.InputsAsync(ct);
        var view = await ViewAsync(model, inputs, ct);
        var phases = await db.Set<StaffingPhase>().AsNoTracking().OrderBy(p => p.Number).ToListAsync(ct);
        var scenarios = new List<ScenarioResult>();
        foreach (var scenario in await db.Set<StaffingScenario>().AsNoTracking().Where(s => !s.IsModel).OrderBy(s => s.Name).Take(10).ToListAsync(ct))
        {
            scenarios.Add(await reader.ResultAsync(scenario, inputs, null, ct));
        }

        return new BoardView(view, PlanRules.Rows(phases, inputs.CurrentTier1Fte, inputs.CurrentTier2, model), scenarios);
    }

    public async Task<ModelView> GetAsync(CancellationToken ct) => await ViewAsync(await reader.ModelAsync(ct), await reader.InputsAsync(ct), ct);

    private async Task<ModelView> ViewAsync(StaffingScenario model, StaffingInputs inputs, CancellationToken ct)
    {
        var result = await reader.ResultAsync(model, inputs, null, ct);
        var tiers = await db.Set<Position>().AsNoTracking().Where(p => p.SupportTier != null).ToListAsync(ct);
        return new ModelView(result, StaffingRules.TitleChanges(tiers, result.Figures.Support.TotalFte, model.Tier2Positions), result.Figures.Support.Sites,
            inputs.Devices, inputs.DevicesSource, inputs.CurrentTier1Fte, inputs.CurrentTier2, StaffingRules.DevicesPerTechnician(inputs.Devices, inputs.CurrentTier1Fte));
    }

    /// <summary>The review's first table as a download.</summary>
    public static ExportTable SiteSupportTable(ModelView view) => new("Site support",
        [new("School/Site Type"), new("Number of Sites", ExportKind.Number), new("FTE Per School", ExportKind.Number), new("Total Recommended FTE", ExportKind.Number)],
        [
            .. view.Model.Figures.Support.Lines.Select(l => (IReadOnlyList<object?>)[StaffingText.SiteTypeName(l.SiteType), l.Sites, l.FtePerSite, l.TotalFte]),
            ["Total", view.Model.Figures.Support.Sites, null, view.Model.Figures.Support.TotalFte],
        ]);

    /// <summary>The review's second table as a download.</summary>
    public static ExportTable TitlesTable(ModelView view) => new("Current and proposed",
        [new("Current Title"), new("Current FTE", ExportKind.Number), new("Proposed Title"), new("Proposed FTE", ExportKind.Number), new("Net Increase", ExportKind.Number)],
        [.. view.Titles.Select(t => (IReadOnlyList<object?>)[t.CurrentTitle, t.CurrentFte, t.ProposedTitle, t.ProposedFte, t.NetIncrease])]);
}
