using DistrictOps.Web.Modules.Helpdesk.Data;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

public enum ServiceTarget
{
    Response,
    Resolution,
    Restore,
}

public enum LadderStep
{
    Half,
    ThreeQuarters,
    Breach,
}

/// <summary>One step of the ladder to send now: which target, which step, its flag, and the target's clock.</summary>
public sealed record LadderAlert(ServiceTarget Target, LadderStep Step, ServiceLevelAlerts Flag, TargetClock Clock);

/// <summary>
/// The escalation ladder (ServiceNow's): at 50% of a target the assignee hears, at 75% the assignee and the team lead,
/// at 100% (breach) the team lead and the IT managers. Each step is sent once per ticket (<see cref="Ticket.ServiceLevelAlertsSent"/>);
/// a met target sends nothing more; when several steps came due together (the job was down), only the highest is sent and the
/// ones below it are marked sent.
/// </summary>
public static class EscalationLadder
{
    /// <summary>The steps due by <paramref name="now"/> and not yet sent, one per target at most.</summary>
    public static IReadOnlyList<LadderAlert> Due(ServiceLevelReading reading, ServiceLevelAlerts sent, DateTimeOffset now)
    {
        var due = new List<LadderAlert>();
        foreach (var (target, clock) in Targets(reading))
        {
            if (clock.State == TargetState.Met)
            {
                continue;
            }

            var highest = Steps(target, clock).LastOrDefault(s => s.At is { } at && at <= now);
            if (highest.At is not null && !sent.HasFlag(highest.Flag))
            {
                due.Add(new LadderAlert(target, highest.Step, highest.Flag, clock));
            }
        }

        return due;
    }

    /// <summary>The flags of a step and every step below it on the same target.</summary>
    public static ServiceLevelAlerts UpTo(ServiceTarget target, LadderStep step) =>
        Steps(target, null).Where(s => s.Step <= step).Aggregate(ServiceLevelAlerts.None, (all, s) => all | s.Flag);

    /// <summary>When the job must look again: the earliest unsent step whose instant is known (reached, or ahead of a running clock); null when none is.</summary>
    public static DateTimeOffset? NextCheck(ServiceLevelReading reading, ServiceLevelAlerts sent)
    {
        DateTimeOffset? next = null;
        foreach (var (target, clock) in Targets(reading))
        {
            if (clock.State is TargetState.Met)
            {
                continue;
            }

            foreach (var step in Steps(target, clock))
            {
                if (!sent.HasFlag(step.Flag) && step.At is { } at)
                {
                    next = next is null || at < next ? at : next;
                    break;
                }
            }
        }

        return next;
    }

    private static IEnumerable<(ServiceTarget Target, TargetClock Clock)> Targets(ServiceLevelReading reading)
    {
        yield return (ServiceTarget.Response, reading.Response);
        yield return (ServiceTarget.Resolution, reading.Resolution);
        if (reading.Restore is { } restore)
        {
            yield return (ServiceTarget.Restore, restore);
        }
    }

    private static (LadderStep Step, ServiceLevelAlerts Flag, DateTimeOffset? At)[] Steps(ServiceTarget target, TargetClock? clock) => target switch
    {
        ServiceTarget.Response => [(LadderStep.Half, ServiceLevelAlerts.Response50, clock?.At50), (LadderStep.ThreeQuarters, ServiceLevelAlerts.Response75, clock?.At75), (LadderStep.Breach, ServiceLevelAlerts.ResponseBreach, clock?.DueAt)],
        ServiceTarget.Resolution => [(LadderStep.Half, ServiceLevelAlerts.Resolution50, clock?.At50), (LadderStep.ThreeQuarters, ServiceLevelAlerts.Resolution75, clock?.At75), (LadderStep.Breach, ServiceLevelAlerts.ResolutionBreach, clock?.DueAt)],
        _ => [(LadderStep.Half, ServiceLevelAlerts.Restore50, clock?.At50), (LadderStep.ThreeQuarters, ServiceLevelAlerts.Restore75, clock?.At75), (LadderStep.Breach, ServiceLevelAlerts.RestoreBreach, clock?.DueAt)],
    };
}
