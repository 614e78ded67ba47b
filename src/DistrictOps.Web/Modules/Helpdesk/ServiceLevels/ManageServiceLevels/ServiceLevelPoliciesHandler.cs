using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.ServiceLevels.ManageServiceLevels;

public sealed record ServiceLevelTargetDto(int Priority, int FirstResponseMinutes, int ResolutionMinutes);

/// <summary>A service-level policy as the API and the settings page read and write it: conditions as arrays, targets per priority.</summary>
public sealed record ServiceLevelPolicyDto(
    int Id,
    int Order,
    string Name,
    bool Enabled,
    IReadOnlyList<Guid> SiteIds,
    IReadOnlyList<string> SiteTypes,
    IReadOnlyList<int> IssueTypeIds,
    IReadOnlyList<string> RequesterRoles,
    IReadOnlyList<string> Channels,
    IReadOnlyList<int> Priorities,
    string Hours,
    bool PauseOnHold,
    int? RestoreInstructionMinutes,
    IReadOnlyList<ServiceLevelTargetDto> Targets) : IConditionLists;

public sealed record SaveServiceLevelPolicyCommand(
    int Order,
    string? Name,
    bool Enabled = true,
    IReadOnlyList<Guid>? SiteIds = null,
    IReadOnlyList<string>? SiteTypes = null,
    IReadOnlyList<int>? IssueTypeIds = null,
    IReadOnlyList<string>? RequesterRoles = null,
    IReadOnlyList<string>? Channels = null,
    IReadOnlyList<int>? Priorities = null,
    string? Hours = nameof(ServiceHours.SchoolTime),
    bool PauseOnHold = true,
    int? RestoreInstructionMinutes = null,
    IReadOnlyList<ServiceLevelTargetDto>? Targets = null) : IConditionLists;

/// <summary>
/// Lists, saves, reorders and deletes service-level policies, with the same conditions as routing rules.
/// Every change marks the open tickets for the service-level job to recompute (ServiceLevelCheckAt = now).
/// </summary>
public sealed class ServiceLevelPoliciesHandler(AppDbContext db, ISiteDirectory sites, TimeProvider clock)
{
    public async Task<IReadOnlyList<ServiceLevelPolicyDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        var policies = await db.Set<ServiceLevelPolicy>().AsNoTracking().OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var targets = (await db.Set<ServiceLevelTarget>().AsNoTracking().ToListAsync(cancellationToken)).ToLookup(t => t.PolicyId);
        return policies.Select(p => ToDto(p, targets[p.Id])).ToList();
    }

    public async Task<ServiceLevelPolicyDto?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        var policy = await db.Set<ServiceLevelPolicy>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return policy is null ? null : ToDto(policy, await db.Set<ServiceLevelTarget>().AsNoTracking().Where(t => t.PolicyId == id).ToListAsync(cancellationToken));
    }

    /// <summary>Creates a policy (id null) or replaces one with its targets.</summary>
    public async Task<Result<ServiceLevelPolicyDto>> SaveAsync(int? id, SaveServiceLevelPolicyCommand command, CancellationToken cancellationToken = default)
    {
        ServiceLevelPolicy? policy = null;
        if (id is { } existing && (policy = await db.Set<ServiceLevelPolicy>().SingleOrDefaultAsync(p => p.Id == existing, cancellationToken)) is null)
        {
            return Result.NotFound($"There is no service-level policy {existing}.");
        }

        var errors = await ValidateAsync(command, cancellationToken);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        policy ??= db.Set<ServiceLevelPolicy>().Add(new ServiceLevelPolicy { Name = "" }).Entity;
        policy.Order = command.Order;
        policy.Name = command.Name!.Trim();
        policy.Enabled = command.Enabled;
        TicketConditions.Write(policy, command with { Priorities = command.Priorities?.Order().ToList() });
        policy.Hours = Enum.Parse<ServiceHours>(command.Hours!, ignoreCase: true);
        policy.PauseOnHold = command.PauseOnHold;
        policy.RestoreInstructionMinutes = command.RestoreInstructionMinutes;
        await db.SaveChangesAsync(cancellationToken);

        await db.Set<ServiceLevelTarget>().Where(t => t.PolicyId == policy.Id).ExecuteDeleteAsync(cancellationToken);
        var targets = (command.Targets ?? []).Select(t => new ServiceLevelTarget
        {
            PolicyId = policy.Id, Priority = t.Priority, FirstResponseMinutes = t.FirstResponseMinutes, ResolutionMinutes = t.ResolutionMinutes,
        }).ToList();
        db.Set<ServiceLevelTarget>().AddRange(targets);
        await db.SaveChangesAsync(cancellationToken);
        await MarkOpenTicketsAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToDto(policy, targets);
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var deleted = await db.Set<ServiceLevelPolicy>().Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken) == 1;
        if (deleted)
        {
            await MarkOpenTicketsAsync(cancellationToken);
        }

        return deleted;
    }

    /// <summary>Swaps the policy with its neighbour before (up) or after it; the orders are renumbered 10, 20, 30 … on the way.</summary>
    public async Task<bool> MoveAsync(int id, bool up, CancellationToken cancellationToken = default)
    {
        var policies = await db.Set<ServiceLevelPolicy>().OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var index = policies.FindIndex(p => p.Id == id);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= policies.Count)
        {
            return false;
        }

        (policies[index], policies[other]) = (policies[other], policies[index]);
        for (var i = 0; i < policies.Count; i++)
        {
            policies[i].Order = (i + 1) * 10;
        }

        await db.SaveChangesAsync(cancellationToken);
        await MarkOpenTicketsAsync(cancellationToken);
        return true;
    }

    public async Task<bool> EnableAsync(int id, bool enabled, CancellationToken cancellationToken = default)
    {
        var changed = await db.Set<ServiceLevelPolicy>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Enabled, enabled), cancellationToken) == 1;
        if (changed)
        {
            await MarkOpenTicketsAsync(cancellationToken);
        }

        return changed;
    }

    /// <summary>Which policy applies, and its deadlines, may have changed for any open ticket: the service-level job looks again.</summary>
    private Task<int> MarkOpenTicketsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Set<Ticket>().Where(t => t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ServiceLevelCheckAt, now), cancellationToken);
    }

    private async Task<ErrorList> ValidateAsync(SaveServiceLevelPolicyCommand command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Trim().Length > ServiceLevelPolicy.NameMaxLength)
        {
            errors.Add(nameof(command.Name), $"Give the policy a name of up to {ServiceLevelPolicy.NameMaxLength} characters.");
        }

        await TicketConditions.ValidateAsync(command, db, sites, errors, cancellationToken);
        if (!Enum.TryParse<ServiceHours>(command.Hours, ignoreCase: true, out _) || int.TryParse(command.Hours, out _))
        {
            errors.Add(nameof(command.Hours), $"'{command.Hours}' is not one of {string.Join(", ", Enum.GetNames<ServiceHours>())}.");
        }

        if (command.RestoreInstructionMinutes is < 1)
        {
            errors.Add(nameof(command.RestoreInstructionMinutes), "The restore-instruction target is a positive number of minutes, or empty for none.");
        }

        var targets = command.Targets ?? [];
        if (targets.Count == 0)
        {
            errors.Add(nameof(command.Targets), "Give at least one priority a first-response and a resolution target.");
        }
        else if (targets.GroupBy(t => t.Priority).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add(nameof(command.Targets), $"Priority {twice.Key} has more than one target.");
        }

        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var field = $"{nameof(command.Targets)}[{i}]";
            if (target.Priority is < 1 or > 5)
            {
                errors.Add($"{field}.{nameof(target.Priority)}", "Priorities are 1 (Critical) to 5 (Planning).");
            }

            if (target.FirstResponseMinutes < 1)
            {
                errors.Add($"{field}.{nameof(target.FirstResponseMinutes)}", $"Priority {target.Priority}: the first-response target must be a positive number of minutes.");
            }

            if (target.ResolutionMinutes < 1)
            {
                errors.Add($"{field}.{nameof(target.ResolutionMinutes)}", $"Priority {target.Priority}: the resolution target must be a positive number of minutes.");
            }
            else if (target.ResolutionMinutes < target.FirstResponseMinutes)
            {
                errors.Add($"{field}.{nameof(target.ResolutionMinutes)}", $"Priority {target.Priority}: resolution cannot come before the first response.");
            }
        }

        return errors;
    }

    private static ServiceLevelPolicyDto ToDto(ServiceLevelPolicy p, IEnumerable<ServiceLevelTarget> targets)
    {
        var when = TicketConditions.Read(p);
        return new(
            p.Id, p.Order, p.Name, p.Enabled,
            when.SiteIds, when.SiteTypes, when.IssueTypeIds, when.RequesterRoles, when.Channels, when.Priorities,
            p.Hours.ToString(), p.PauseOnHold, p.RestoreInstructionMinutes,
            targets.OrderBy(t => t.Priority).Select(t => new ServiceLevelTargetDto(t.Priority, t.FirstResponseMinutes, t.ResolutionMinutes)).ToList());
    }
}
