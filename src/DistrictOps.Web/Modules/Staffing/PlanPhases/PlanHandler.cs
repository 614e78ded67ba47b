using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Modules.Staffing.Sizing;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Export;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Staffing.PlanPhases;

/// <summary>The phased plan: today, each phase, and how far the last one gets towards the model.</summary>
public sealed record PlanView(
    decimal Tier1FteToday, int Tier2Today, decimal ModelTier1Fte, int ModelTier2, decimal Tier1CostPerFte, decimal Tier2CostPerPosition, IReadOnlyList<PhaseRow> Phases)
{
    public decimal Tier1FtePlanned => Phases.Count == 0 ? Tier1FteToday : Phases[^1].Tier1FteAfter;

    public int Tier2Planned => Phases.Count == 0 ? Tier2Today : Phases[^1].Tier2After;
}

public sealed record SavePhaseCommand(
    int? Number, string? Name, int? DevicesAdded, DateOnly? StartsOn, DateOnly? CheckpointOn, decimal? Tier1FteAdded, int? Tier2PositionsAdded, PhaseStatus? Status);

public sealed record CheckpointCommand(string? Decision, bool? Reviewed);

/// <summary>
/// The plan that grows the team in phases with the 1-to-1 rollout, each phase's positions costed with the model's salary
/// and benefits, and each phase's checkpoint: the metrics read and what was decided before the next phase is funded.
/// </summary>
public sealed class PlanHandler(AppDbContext db, StaffingReader reader, TimeProvider clock)
{
    public async Task<PlanView> GetAsync(CancellationToken ct)
    {
        var model = await reader.ModelAsync(ct);
        var inputs = await reader.InputsAsync(ct);
        var target = await reader.ResultAsync(model, inputs, null, ct);
        var phases = await db.Set<StaffingPhase>().AsNoTracking().OrderBy(p => p.Number).ToListAsync(ct);
        return new PlanView(inputs.CurrentTier1Fte, inputs.CurrentTier2, target.Figures.Support.TotalFte, model.Tier2Positions, model.Tier1CostPerFte, model.Tier2CostPerPosition,
            PlanRules.Rows(phases, inputs.CurrentTier1Fte, inputs.CurrentTier2, model));
    }

    /// <summary>Today and each phase (the chart's figures and the table's) as a download.</summary>
    public static ExportTable Table(PlanView plan) => new("Staffing plan",
        [
            new("Phase"), new("Status"), new("Starts", ExportKind.Date), new("Checkpoint", ExportKind.Date), new("Devices added", ExportKind.Number),
            new("Program devices after", ExportKind.Number), new("Site technicians added (FTE)", ExportKind.Number), new("Second tier added", ExportKind.Number),
            new("Site technicians after (FTE)", ExportKind.Number), new("Second tier after", ExportKind.Number), new("Devices per technician after", ExportKind.Number),
            new("Yearly cost of the phase", ExportKind.Number), new("Yearly increase on today", ExportKind.Number), new("Decision"),
        ],
        [
            ["Today", null, null, null, null, null, null, null, plan.Tier1FteToday, plan.Tier2Today, null, null, null, null],
            .. plan.Phases.Select(x => (IReadOnlyList<object?>)[
                $"{x.Number}. {x.Name}", x.Status.ToString(), x.StartsOn, x.CheckpointOn, x.DevicesAdded, x.ProgramDevices, x.Tier1FteAdded, x.Tier2PositionsAdded,
                x.Tier1FteAfter, x.Tier2After, x.DevicesPerTechnicianAfter, x.PhaseYearlyCost, x.YearlyIncreaseAfter, x.Decision]),
        ]);

    public async Task<Result<PhaseRow>> GetAsync(int number, CancellationToken ct) =>
        (await GetAsync(ct)).Phases.FirstOrDefault(p => p.Number == number) is { } row ? row : Missing(number);

    public async Task<Result<PhaseRow>> SaveAsync(int? number, SavePhaseCommand command, CancellationToken ct)
    {
        var phase = number is { } n ? await db.Set<StaffingPhase>().SingleOrDefaultAsync(p => p.Number == n, ct) : null;
        if (number is not null && phase is null)
        {
            return Missing(number.Value);
        }

        var errors = new ErrorList();
        errors.Range("number", command.Number ?? phase?.Number, 1, 20, "Number the phase 1 to 20.");
        var wanted = command.Number ?? phase?.Number;
        if (wanted is null)
        {
            errors.Add("number", "Number the phase 1 to 20.");
        }
        else if (wanted != phase?.Number && await db.Set<StaffingPhase>().AnyAsync(p => p.Number == wanted, ct))
        {
            errors.Add("number", $"Phase {wanted} exists already; open it, or choose another number.");
        }

        var name = errors.Required("name", command.Name, "Name the phase, e.g. Phase 2: 15,000 more tablets.");
        errors.MaxLength("name", name, StaffingPhase.NameMaxLength);
        errors.Range("devicesAdded", command.DevicesAdded ?? -1, 0, 1_000_000, "Devices the phase adds: 0 to 1,000,000.");
        errors.Range("tier2PositionsAdded", command.Tier2PositionsAdded ?? -1, 0, 20, "Second-tier positions the phase adds: 0 to 20.");
        if (command.Tier1FteAdded is not { } fte || fte < 0 || fte > 200)
        {
            errors.Add("tier1FteAdded", "Site technician FTE the phase adds: 0 to 200, e.g. 10 or 2.5.");
        }

        if (command.StartsOn is null)
        {
            errors.Add("startsOn", "When the phase starts: a date, YYYY-MM-DD.");
        }

        if (command.CheckpointOn is not { } checkpoint || (command.StartsOn is { } starts && checkpoint <= starts))
        {
            errors.Add("checkpointOn", "The checkpoint comes after the phase starts: a later date, YYYY-MM-DD.");
        }

        errors.Defined("status", command.Status);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        if (phase is null)
        {
            db.Add(phase = new StaffingPhase { Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = name! });
        }

        (phase.Number, phase.Name, phase.DevicesAdded, phase.StartsOn, phase.CheckpointOn) = (wanted!.Value, name!, command.DevicesAdded!.Value, command.StartsOn!.Value, command.CheckpointOn!.Value);
        (phase.Tier1FteAdded, phase.Tier2PositionsAdded, phase.Status) = (command.Tier1FteAdded!.Value, command.Tier2PositionsAdded!.Value, command.Status ?? phase.Status);
        await db.SaveChangesAsync(ct);
        return await GetAsync(phase.Number, ct);
    }

    public async Task<Result<PhaseRow>> DeleteAsync(int number, CancellationToken ct)
    {
        if (await GetAsync(number, ct) is not { Succeeded: true } found)
        {
            return Missing(number);
        }

        if (found.Value.Status == PhaseStatus.Reviewed)
        {
            return Result.Conflict($"Phase {number} has had its checkpoint: it is part of the record and stays.");
        }

        await db.Set<StaffingPhase>().Where(p => p.Number == number).ExecuteDeleteAsync(ct);
        return found;
    }

    /// <summary>Records what the checkpoint decided; marking it reviewed names who and when, once (a repeat changes nothing).</summary>
    public async Task<Result<PhaseRow>> CheckpointAsync(int number, CheckpointCommand command, string by, CancellationToken ct)
    {
        if (await db.Set<StaffingPhase>().SingleOrDefaultAsync(p => p.Number == number, ct) is not { } phase)
        {
            return Missing(number);
        }

        var errors = new ErrorList();
        var decision = errors.Required("decision", command.Decision, "Write what the checkpoint decided and why, e.g. fund phase 2 as planned: backlog per technician halved.");
        errors.MaxLength("decision", decision, StaffingPhase.NotesMaxLength);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var reviewed = command.Reviewed ?? true;
        if (phase.Decision != decision || (reviewed && phase.Status != PhaseStatus.Reviewed))
        {
            phase.Decision = decision;
            if (reviewed && phase.Status != PhaseStatus.Reviewed)
            {
                (phase.Status, phase.ReviewedAt, phase.ReviewedBy) = (PhaseStatus.Reviewed, clock.GetUtcNow(), by);
            }

            await db.SaveChangesAsync(ct);
        }

        return await GetAsync(number, ct);
    }

    private static Failure Missing(int number) => Result.NotFound($"The plan has no phase {number}.");
}
