using DistrictOps.Web.Modules.Devices.Contracts;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Staffing.Sizing;

/// <summary>A scenario's settings as pages and the API show them (never the entity); <see cref="Version"/> changes with every save.</summary>
public sealed record ScenarioSettings(
    Guid Id, string Name, string? Notes, bool IsModel, decimal AdministrativeFte, int Tier2Positions, int DevicesAdded, decimal Tier1CostPerFte,
    decimal Tier2CostPerPosition, int MinutesPerTicket, int TicketHoursPerFte, IReadOnlyList<RatioSetting> Ratios, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public string Version => UpdatedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ScenarioSettings Of(StaffingScenario s, IEnumerable<SiteTypeRatio> ratios) => new(
        s.Id, s.Name, s.Notes, s.IsModel, s.AdministrativeFte, s.Tier2Positions, s.DevicesAdded, s.Tier1CostPerFte, s.Tier2CostPerPosition, s.MinutesPerTicket,
        s.TicketHoursPerFte, [.. ratios.OrderBy(r => StaffingRules.TypeOrder(r.SiteType)).Select(r => new RatioSetting(r.SiteType, r.FtePerSite, r.SitesAdded))],
        s.UpdatedAt, s.UpdatedBy);
}

public sealed record RatioSetting(string SiteType, decimal FtePerSite, int SitesAdded);

/// <summary>A scenario (or the model) with what it comes to against today's department.</summary>
public sealed record ScenarioResult(ScenarioSettings Settings, ScenarioFigures Figures);

/// <summary>What every staffing figure starts from: the Directory's sites, the devices they support and today's positions.</summary>
public sealed record StaffingInputs(IReadOnlyList<SiteSummary> Sites, int Devices, string DevicesSource, IReadOnlyList<Position> Positions)
{
    public IEnumerable<string> SchoolTypes => Sites.Where(s => StaffingRules.IsSchool(s.Type)).Select(s => s.Type);

    public decimal CurrentTier1Fte => Positions.Where(p => p.Structure == OrgStructure.Current && p.SupportTier == 1).Sum(p => p.Fte);

    public int CurrentTier2 => Positions.Count(p => p.Structure == OrgStructure.Current && p.SupportTier == 2);
}

/// <summary>
/// Reads the staffing model, scenarios and their inputs for every Staffing page and API. The district's model is made at
/// its first read (the review's defaults) when the demo did not seed one, so a new district starts from a working model.
/// </summary>
public sealed class StaffingReader(AppDbContext db, ISiteDirectory sites, IDeviceCounts devices, TimeProvider clock)
{
    public async Task<StaffingInputs> InputsAsync(CancellationToken ct)
    {
        var counts = await devices.PerSiteAsync(ct);
        return new StaffingInputs(await sites.ListAsync(ct), counts.PerSite.Values.Sum(), counts.Source,
            await db.Set<Position>().AsNoTracking().Where(p => p.Structure == OrgStructure.Current).ToListAsync(ct));
    }

    /// <summary>The district's model, made with the review's defaults when there is none yet.</summary>
    public async Task<StaffingScenario> ModelAsync(CancellationToken ct)
    {
        if (await db.Set<StaffingScenario>().AsNoTracking().SingleOrDefaultAsync(s => s.IsModel, ct) is { } model)
        {
            return model;
        }

        var made = StaffingDefaults.Model(clock.GetUtcNow(), "DistrictOps");
        db.Add(made);
        db.AddRange(StaffingDefaults.Ratios(made.Id));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request made it first (the name is unique): use theirs.
            db.ChangeTracker.Clear();
            return await db.Set<StaffingScenario>().AsNoTracking().SingleAsync(s => s.IsModel, ct);
        }

        db.ChangeTracker.Clear();
        return made;
    }

    public async Task<ScenarioResult?> ScenarioAsync(Guid id, StaffingInputs inputs, int? ticketsPerYear, CancellationToken ct)
    {
        var scenario = await db.Set<StaffingScenario>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return scenario is null ? null : await ResultAsync(scenario, inputs, ticketsPerYear, ct);
    }

    public async Task<ScenarioResult> ResultAsync(StaffingScenario scenario, StaffingInputs inputs, int? ticketsPerYear, CancellationToken ct)
    {
        var ratios = await db.Set<SiteTypeRatio>().AsNoTracking().Where(r => r.ScenarioId == scenario.Id).ToListAsync(ct);
        return new ScenarioResult(ScenarioSettings.Of(scenario, ratios),
            StaffingRules.Figures(scenario, ratios, inputs.SchoolTypes, inputs.Devices, ticketsPerYear, inputs.CurrentTier1Fte, inputs.CurrentTier2));
    }
}
