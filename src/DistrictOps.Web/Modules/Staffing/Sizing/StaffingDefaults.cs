using DistrictOps.Web.Modules.Staffing.Data;

namespace DistrictOps.Web.Modules.Staffing.Sizing;

/// <summary>The model a district starts from: the review's ratios, its administrative position and two second-tier positions.</summary>
public static class StaffingDefaults
{
    public const string ModelName = "District model";

    public static StaffingScenario Model(DateTimeOffset now, string by) => new()
    {
        Id = Guid.CreateVersion7(now), Name = ModelName, IsModel = true, AdministrativeFte = 1.0m, Tier2Positions = 2, Tier1CostPerFte = 96_500m,
        Tier2CostPerPosition = 118_000m, MinutesPerTicket = 45, TicketHoursPerFte = 1_300, UpdatedAt = now, UpdatedBy = by,
    };

    public static IEnumerable<SiteTypeRatio> Ratios(Guid scenarioId) =>
        StaffingRules.DefaultRatios.Select(r => new SiteTypeRatio { ScenarioId = scenarioId, SiteType = r.Key, FtePerSite = r.Value });
}
