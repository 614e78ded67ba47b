namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>
/// One target as the ticket page and API show it. <see cref="State"/> is Running, Paused, Met, Breached or CalendarEnds;
/// <see cref="MinutesLeft"/> is counted time (school minutes on a school-time policy) before the deadline.
/// </summary>
public sealed record ServiceTargetView(
    string Target,
    string State,
    int TargetMinutes,
    int ElapsedMinutes,
    int MinutesLeft,
    double PercentUsed,
    DateTimeOffset? DueAt,
    DateTimeOffset? PausedSince,
    DateTimeOffset? MetAt,
    bool Breached);

/// <summary>The ticket's service level: its policy, whether time counts school hours or every hour, and each target.</summary>
public sealed record ServiceLevelView(int PolicyId, string Policy, string Hours, DateTimeOffset? PausedSince, IReadOnlyList<ServiceTargetView> Targets)
{
    public static ServiceLevelView From(TrackedServiceLevel tracked)
    {
        var reading = tracked.Reading;
        var targets = new List<ServiceTargetView> { View("FirstResponse", reading.Response), View("Resolution", reading.Resolution) };
        if (reading.Restore is { } restore)
        {
            targets.Add(View("RestoreInstruction", restore));
        }

        return new ServiceLevelView(tracked.Policy.Id, tracked.Policy.Name, tracked.Policy.Hours.ToString(), reading.PausedSince, targets);
    }

    private static ServiceTargetView View(string name, TargetClock clock) => new(
        name,
        clock.State == TargetState.Running && clock.Breached ? "Breached" : clock.State.ToString(),
        (int)clock.Target.TotalMinutes,
        (int)Math.Round(clock.Elapsed.TotalMinutes),
        (int)Math.Ceiling(clock.Left.TotalMinutes),
        clock.PercentUsed,
        clock.State == TargetState.Running ? clock.DueAt : null,
        clock.PausedSince,
        clock.MetAt,
        clock.Breached);
}
