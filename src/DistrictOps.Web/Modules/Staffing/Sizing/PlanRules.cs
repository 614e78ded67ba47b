using DistrictOps.Web.Modules.Staffing.Data;

namespace DistrictOps.Web.Modules.Staffing.Sizing;

/// <summary>One phase of the plan with what it comes to, counted from today's department.</summary>
public sealed record PhaseRow(
    int Number, string Name, int DevicesAdded, DateOnly StartsOn, DateOnly CheckpointOn, decimal Tier1FteAdded, int Tier2PositionsAdded, PhaseStatus Status,
    string? Decision, DateTimeOffset? ReviewedAt, string? ReviewedBy, int ProgramDevices, decimal Tier1FteAfter, int Tier2After, decimal? DevicesPerTechnicianAfter,
    decimal PhaseYearlyCost, decimal YearlyIncreaseAfter);

/// <summary>The plan's arithmetic: each phase's devices, positions and yearly cost, counted on from today's department.</summary>
public static class PlanRules
{
    public static IReadOnlyList<PhaseRow> Rows(IReadOnlyList<StaffingPhase> phases, decimal tier1Today, int tier2Today, StaffingScenario model)
    {
        var (devices, tier1, tier2) = (0, tier1Today, tier2Today);
        var rows = new List<PhaseRow>();
        foreach (var p in phases)
        {
            (devices, tier1, tier2) = (devices + p.DevicesAdded, tier1 + p.Tier1FteAdded, tier2 + p.Tier2PositionsAdded);
            var cost = (p.Tier1FteAdded * model.Tier1CostPerFte) + (p.Tier2PositionsAdded * model.Tier2CostPerPosition);
            var increase = ((tier1 - tier1Today) * model.Tier1CostPerFte) + ((tier2 - tier2Today) * model.Tier2CostPerPosition);
            rows.Add(new PhaseRow(p.Number, p.Name, p.DevicesAdded, p.StartsOn, p.CheckpointOn, p.Tier1FteAdded, p.Tier2PositionsAdded, p.Status, p.Decision, p.ReviewedAt,
                p.ReviewedBy, devices, tier1, tier2, StaffingRules.DevicesPerTechnician(devices, tier1), cost, increase));
        }

        return rows;
    }
}
