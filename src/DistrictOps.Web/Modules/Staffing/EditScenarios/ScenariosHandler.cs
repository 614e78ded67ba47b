using System.Globalization;
using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Modules.Staffing.Sizing;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Export;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Staffing.EditScenarios;

/// <summary>A scenario's settings as a form or the API sends them; <see cref="Version"/> is the one the editor started from.</summary>
public sealed record SaveScenarioCommand(
    string? Version, string? Name, string? Notes, decimal? AdministrativeFte, int? Tier2Positions, int? DevicesAdded, decimal? Tier1CostPerFte,
    decimal? Tier2CostPerPosition, int? MinutesPerTicket, int? TicketHoursPerFte, IReadOnlyList<RatioSetting>? Ratios);

/// <summary>Make a scenario as a copy of the model or of another scenario.</summary>
public sealed record CopyScenarioCommand(string? Name, Guid? CopyOf);

/// <summary>The model and every scenario, each with its figures, side by side.</summary>
public sealed record ScenarioComparison(IReadOnlyList<ScenarioResult> Scenarios, decimal CurrentTier1Fte, int CurrentTier2, int DevicesToday);

/// <summary>
/// Scenarios: copies of the district's model with other ratios, sites or device counts, compared side by side. The model
/// itself is edited here too (its ratios and costs), but not given imaginary sites or devices: it stays the district's own.
/// A save names the version it started from, so a second submit of the same form, or an edit over someone else's, is refused.
/// </summary>
public sealed class ScenariosHandler(AppDbContext db, StaffingReader reader, TimeProvider clock)
{
    public const int MaxScenarios = 20;

    public async Task<ScenarioComparison> CompareAsync(CancellationToken ct)
    {
        await reader.ModelAsync(ct);
        var inputs = await reader.InputsAsync(ct);
        var scenarios = await db.Set<StaffingScenario>().AsNoTracking().OrderByDescending(s => s.IsModel).ThenBy(s => s.Name).Take(MaxScenarios + 1).ToListAsync(ct);
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            results.Add(await reader.ResultAsync(scenario, inputs, null, ct));
        }

        return new ScenarioComparison(results, inputs.CurrentTier1Fte, inputs.CurrentTier2, inputs.Devices);
    }

    /// <summary>The scenarios side by side as the page's table (one column each, the model first) for a download.</summary>
    public static ExportTable Table(ScenarioComparison comparison)
    {
        var all = comparison.Scenarios;
        IReadOnlyList<object?> Row(string figure, Func<ScenarioResult, object?> value) => [figure, .. all.Select(value)];
        var types = StaffingRules.SchoolTypes.Where(t => all.Any(x => x.Figures.Support.Lines.Any(l => l.SiteType == t)));
        return new ExportTable("Scenarios",
            [new("Figure"), .. all.Select(x => new ExportColumn(x.Settings.IsModel ? "District model" : x.Settings.Name, ExportKind.Number))],
            [
                Row("Sites", x => x.Figures.Support.Sites),
                .. types.Select(t => Row($"FTE per {StaffingText.SiteTypeName(t)} site", x => x.Figures.Support.Lines.FirstOrDefault(l => l.SiteType == t)?.FtePerSite)),
                Row("Site technicians, FTE", x => x.Figures.Support.TotalFte),
                Row("Second-tier positions", x => x.Figures.Tier2Positions),
                Row("Total FTE", x => x.Figures.TotalFte),
                Row("Devices", x => x.Figures.Devices),
                Row("Devices per site technician", x => x.Figures.DevicesPerTechnician),
                Row("Yearly cost", x => x.Figures.YearlyCost),
                Row("Increase on today", x => x.Figures.YearlyIncrease),
            ]);
    }

    public async Task<Result<ScenarioResult>> GetAsync(Guid id, CancellationToken ct) =>
        await reader.ScenarioAsync(id, await reader.InputsAsync(ct), null, ct) is { } found ? found : Missing(id);

    public async Task<Result<ScenarioResult>> CopyAsync(CopyScenarioCommand command, string by, CancellationToken ct)
    {
        var errors = new ErrorList();
        var name = errors.Required("name", command.Name, "Name the scenario, e.g. Phase 2 with two new high schools.");
        errors.MaxLength("name", name, StaffingScenario.NameMaxLength);
        if (name is not null && await db.Set<StaffingScenario>().AnyAsync(s => s.Name == name, ct))
        {
            return Result.Conflict($"A scenario named {name} exists already; open it, or choose another name.");
        }

        var source = command.CopyOf is { } from ? await db.Set<StaffingScenario>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == from, ct) : await reader.ModelAsync(ct);
        if (source is null)
        {
            errors.Add("copyOf", "Copy the model or one of the scenarios listed.");
        }
        else if (await db.Set<StaffingScenario>().CountAsync(ct) > MaxScenarios)
        {
            errors.Add("name", $"There are {MaxScenarios} scenarios already: delete one you no longer compare first.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var copy = new StaffingScenario
        {
            Id = Guid.CreateVersion7(now), Name = name!, Notes = source!.Notes, AdministrativeFte = source.AdministrativeFte, Tier2Positions = source.Tier2Positions,
            DevicesAdded = source.DevicesAdded, Tier1CostPerFte = source.Tier1CostPerFte, Tier2CostPerPosition = source.Tier2CostPerPosition,
            MinutesPerTicket = source.MinutesPerTicket, TicketHoursPerFte = source.TicketHoursPerFte, UpdatedAt = now, UpdatedBy = by,
        };
        db.Add(copy);
        db.AddRange(await db.Set<SiteTypeRatio>().AsNoTracking().Where(r => r.ScenarioId == source.Id)
            .Select(r => new SiteTypeRatio { ScenarioId = copy.Id, SiteType = r.SiteType, FtePerSite = r.FtePerSite, SitesAdded = r.SitesAdded }).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        return await GetAsync(copy.Id, ct);
    }

    public async Task<Result<ScenarioResult>> UpdateAsync(Guid id, SaveScenarioCommand command, string by, CancellationToken ct)
    {
        if (await db.Set<StaffingScenario>().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } scenario)
        {
            return Missing(id);
        }

        if (command.Version != scenario.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture))
        {
            return Result.Conflict($"{scenario.Name} was changed by {scenario.UpdatedBy} after you opened it; open it again to see their changes, then make yours.");
        }

        var ratios = await db.Set<SiteTypeRatio>().Where(r => r.ScenarioId == id).ToListAsync(ct);
        var errors = await CheckAsync(command, scenario, ct);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        (scenario.Name, scenario.Notes) = (command.Name!.Trim(), string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim());
        (scenario.AdministrativeFte, scenario.Tier2Positions, scenario.DevicesAdded) = (command.AdministrativeFte!.Value, command.Tier2Positions!.Value, command.DevicesAdded ?? 0);
        (scenario.Tier1CostPerFte, scenario.Tier2CostPerPosition) = (command.Tier1CostPerFte!.Value, command.Tier2CostPerPosition!.Value);
        (scenario.MinutesPerTicket, scenario.TicketHoursPerFte) = (command.MinutesPerTicket!.Value, command.TicketHoursPerFte!.Value);
        foreach (var setting in command.Ratios!)
        {
            var ratio = ratios.FirstOrDefault(r => r.SiteType == setting.SiteType);
            if (ratio is null)
            {
                db.Add(ratio = new SiteTypeRatio { ScenarioId = id, SiteType = setting.SiteType });
            }

            (ratio.FtePerSite, ratio.SitesAdded) = (setting.FtePerSite, setting.SitesAdded);
        }

        (scenario.UpdatedAt, scenario.UpdatedBy) = (NextVersion(scenario.UpdatedAt), by);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<Result<ScenarioResult>> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (await GetAsync(id, ct) is not { Succeeded: true } found)
        {
            return Missing(id);
        }

        if (found.Value.Settings.IsModel)
        {
            return Result.Conflict("The district model is not deleted: change its ratios instead.");
        }

        await db.Set<StaffingScenario>().Where(s => s.Id == id).ExecuteDeleteAsync(ct);
        return found;
    }

    private async Task<ErrorList> CheckAsync(SaveScenarioCommand command, StaffingScenario scenario, CancellationToken ct)
    {
        var errors = new ErrorList();
        var name = errors.Required("name", command.Name, "Name the scenario.");
        errors.MaxLength("name", name, StaffingScenario.NameMaxLength);
        errors.MaxLength("notes", command.Notes, StaffingScenario.NotesMaxLength);
        if (name is not null && await db.Set<StaffingScenario>().AnyAsync(s => s.Name == name && s.Id != scenario.Id, ct))
        {
            errors.Add("name", $"Another scenario is named {name}; choose another name.");
        }

        Between(errors, "administrativeFte", command.AdministrativeFte, 0, 20, "FTE for the administrative offices, 0 to 20, e.g. 1.0.");
        errors.Range("tier2Positions", Required(errors, "tier2Positions", command.Tier2Positions), 0, 50, "Second-tier positions: a whole number from 0 to 50.");
        Between(errors, "tier1CostPerFte", command.Tier1CostPerFte, 0, 1_000_000, "Yearly salary and benefits of one site technician, in dollars, up to 1,000,000.");
        Between(errors, "tier2CostPerPosition", command.Tier2CostPerPosition, 0, 1_000_000, "Yearly salary and benefits of one second-tier specialist, in dollars, up to 1,000,000.");
        errors.Range("minutesPerTicket", Required(errors, "minutesPerTicket", command.MinutesPerTicket), 1, 960, "Minutes a ticket takes: 1 to 960.");
        errors.Range("ticketHoursPerFte", Required(errors, "ticketHoursPerFte", command.TicketHoursPerFte), 100, 2080, "Ticket hours in a technician's year: 100 to 2,080 (a full year of 40-hour weeks).");
        errors.Range("devicesAdded", command.DevicesAdded, -1_000_000, 1_000_000, "Devices added: from -1,000,000 to 1,000,000.");
        if (scenario.IsModel && command.DevicesAdded is not (null or 0))
        {
            errors.Add("devicesAdded", "The district model counts today's devices; make a scenario to add a rollout's devices.");
        }

        CheckRatios(errors, command.Ratios, scenario.IsModel);
        return errors;
    }

    private static void CheckRatios(ErrorList errors, IReadOnlyList<RatioSetting>? ratios, bool isModel)
    {
        if (ratios is null || ratios.Count == 0 || ratios.Select(r => r.SiteType).Distinct(StringComparer.Ordinal).Count() != ratios.Count)
        {
            errors.Add("ratios", $"Give each site type once: {string.Join(", ", StaffingRules.SchoolTypes)}.");
            return;
        }

        for (var i = 0; i < ratios.Count; i++)
        {
            var (type, fte, added) = (ratios[i].SiteType, ratios[i].FtePerSite, ratios[i].SitesAdded);
            if (!StaffingRules.SchoolTypes.Contains(type))
            {
                errors.Add($"ratios[{i}].siteType", $"'{type}' is not a site type; expected one of {string.Join(", ", StaffingRules.SchoolTypes)}.");
            }

            Between(errors, $"ratios[{i}].ftePerSite", fte, 0, 5, $"FTE per {type} site: 0 to 5, e.g. 0.5.");
            errors.Range($"ratios[{i}].sitesAdded", added, -1000, 1000, "Sites added: from -1,000 to 1,000.");
            if (isModel && added != 0)
            {
                errors.Add($"ratios[{i}].sitesAdded", "The district model counts the Directory's sites; make a scenario to open or close schools.");
            }
        }
    }

    private static void Between(ErrorList errors, string field, decimal? value, decimal min, decimal max, string message)
    {
        if (value is null || value < min || value > max)
        {
            errors.Add(field, message);
        }
    }

    private static int? Required(ErrorList errors, string field, int? value)
    {
        if (value is null)
        {
            errors.Add(field, "Required.");
        }

        return value;
    }

    // Each save moves the version on, even within one clock reading, by more than either database keeps apart (SQLite's
    // binary form keeps 0.1 ms, PostgreSQL 1 µs).
    private DateTimeOffset NextVersion(DateTimeOffset previous) => clock.GetUtcNow() is var now && now > previous.AddMilliseconds(1) ? now : previous.AddMilliseconds(1);

    private static Failure Missing(Guid id) => Result.NotFound($"There is no staffing scenario {id}.");
}
