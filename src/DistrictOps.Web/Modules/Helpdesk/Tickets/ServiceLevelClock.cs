using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>What a policy asks of one ticket: its hours, whether On hold pauses, and the targets in counted minutes.</summary>
public sealed record ClockPolicy(ServiceHours Hours, bool PauseOnHold, int FirstResponseMinutes, int ResolutionMinutes, int? RestoreMinutes);

/// <summary>One status move from the ticket's timeline.</summary>
public sealed record StatusMove(DateTimeOffset At, TicketStatus From, TicketStatus To);

/// <summary>A ticket's history as the clock reads it: creation, its status moves in order, and the instants that stop targets.</summary>
public sealed record ClockHistory(
    DateTimeOffset CreatedAt,
    IReadOnlyList<StatusMove> Moves,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? InstructionRestoredAt,
    bool InstructionDisrupted);

public enum TargetState
{
    /// <summary>Counting: the deadline is <see cref="TargetClock.DueAt"/>.</summary>
    Running,

    /// <summary>Waiting on the requester (or On hold where the policy says so): no deadline until it resumes.</summary>
    Paused,

    /// <summary>Stopped: replied, solved or instruction restored; <see cref="TargetClock.Breached"/> says whether late.</summary>
    Met,

    /// <summary>Counting, but the school calendar ends before the deadline: add the next instructional year.</summary>
    CalendarEnds,
}

/// <summary>
/// One target as of now. Elapsed is counted time (school time, or wall-clock time around the clock), pauses excluded.
/// <see cref="At50"/>, <see cref="At75"/> and <see cref="DueAt"/> are the instants the escalation ladder acts at: known
/// when reached already, or while the clock runs; null while paused, stopped short of them, or past the calendar's end.
/// </summary>
public sealed record TargetClock(
    TimeSpan Target,
    TimeSpan Elapsed,
    TargetState State,
    bool Breached,
    DateTimeOffset? At50,
    DateTimeOffset? At75,
    DateTimeOffset? DueAt,
    DateTimeOffset? PausedSince,
    DateTimeOffset? MetAt)
{
    public double PercentUsed => Target <= TimeSpan.Zero ? 100 : Math.Round(100 * Elapsed.TotalMinutes / Target.TotalMinutes, 1);

    /// <summary>The counted time left before the deadline; zero once breached.</summary>
    public TimeSpan Left => Elapsed >= Target ? TimeSpan.Zero : Target - Elapsed;

    /// <summary>The deadline while the clock runs: null while paused, once met, or when the calendar ends first.</summary>
    public DateTimeOffset? Deadline => State == TargetState.Running ? DueAt : null;
}

/// <summary>The ticket's targets as of now, and the counted school minutes for the reports.</summary>
public sealed record ServiceLevelReading(
    TargetClock Response,
    TargetClock Resolution,
    TargetClock? Restore,
    DateTimeOffset? PausedSince,
    int? ResponseSchoolMinutes,
    int? ResolutionSchoolMinutes);

/// <summary>
/// The service-level clock as a pure function of a ticket's history (domain notes, "Service levels"):
/// time counts inside the site's school hours on instructional days, or always for an around-the-clock policy;
/// Pending pauses every target and pushes its deadline back by the time paused, On hold only where the policy says so;
/// Solved and Closed stop the resolution clock and a reopen resumes it with the time already used.
/// First response stops at the first public reply, or at the first solve if that came first (the requester heard back);
/// restore instruction stops when instruction was restored, or at the first solve.
/// Because it reads the whole history each time, editing the calendar and recomputing moves every deadline correctly.
/// </summary>
public static class ServiceLevelClock
{
    public static ServiceLevelReading Read(ClockPolicy policy, ClockHistory history, SchoolSchedule? schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(history);
        var spans = Spans(history);
        var firstSolve = history.Moves.FirstOrDefault(m => Stops(m.To) && !Stops(m.From))?.At;
        var current = spans[^1];
        var lastSolve = LastSolve(spans);
        var responseStop = Earliest(history.FirstResponseAt, firstSolve);
        var restoreStop = Earliest(history.InstructionRestoredAt, firstSolve);

        Counter counter = policy.Hours == ServiceHours.AroundTheClock ? new WallClock()
            : schedule is null ? new NoCalendar()
            : new SchoolClock(schedule);
        var response = Evaluate(spans, responseStop, TimeSpan.FromMinutes(policy.FirstResponseMinutes), policy.PauseOnHold, counter, now);
        var resolution = Evaluate(spans, lastSolve, TimeSpan.FromMinutes(policy.ResolutionMinutes), policy.PauseOnHold, counter, now);
        var restore = history.InstructionDisrupted && policy.RestoreMinutes is { } restoreMinutes
            ? Evaluate(spans, restoreStop, TimeSpan.FromMinutes(restoreMinutes), policy.PauseOnHold, counter, now)
            : null;

        var (responseMinutes, resolutionMinutes) = SchoolMinutes(spans, responseStop, lastSolve, schedule, policy.PauseOnHold, now);
        var pausedSince = Pauses(current.Status, policy.PauseOnHold) ? current.Start : (DateTimeOffset?)null;
        return new ServiceLevelReading(response, resolution, restore, pausedSince, responseMinutes, resolutionMinutes);
    }

    /// <summary>
    /// The counted school minutes to the first response and to the last solve, pauses excluded, whatever the policy's hours:
    /// what reports compare. Null until responded or solved, or without a calendar.
    /// </summary>
    public static (int? Response, int? Resolution) SchoolMinutes(ClockHistory history, SchoolSchedule? schedule, bool pauseOnHold, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        var spans = Spans(history);
        var firstSolve = history.Moves.FirstOrDefault(m => Stops(m.To) && !Stops(m.From))?.At;
        return SchoolMinutes(spans, Earliest(history.FirstResponseAt, firstSolve), LastSolve(spans), schedule, pauseOnHold, now);
    }

    private static (int? Response, int? Resolution) SchoolMinutes(List<Span> spans, DateTimeOffset? responded, DateTimeOffset? solved, SchoolSchedule? schedule, bool pauseOnHold, DateTimeOffset now)
    {
        if (schedule is null)
        {
            return (null, null);
        }

        var school = new SchoolClock(schedule);
        return (
            responded is { } r ? Minutes(Counted(spans, r, pauseOnHold, school, now)) : null,
            solved is { } s ? Minutes(Counted(spans, s, pauseOnHold, school, now)) : null);
    }

    /// <summary>Whether the clock counts while a ticket is in this status.</summary>
    public static bool Runs(TicketStatus status, bool pauseOnHold) =>
        status is TicketStatus.New or TicketStatus.Open || (status == TicketStatus.OnHold && !pauseOnHold);

    private static bool Pauses(TicketStatus status, bool pauseOnHold) =>
        status == TicketStatus.Pending || (status == TicketStatus.OnHold && pauseOnHold);

    private static bool Stops(TicketStatus status) => status is TicketStatus.Solved or TicketStatus.Closed;

    private static TargetClock Evaluate(IReadOnlyList<Span> spans, DateTimeOffset? stop, TimeSpan target, bool pauseOnHold, Counter counter, DateTimeOffset now)
    {
        var milestones = new[] { target / 2, target * 3 / 4, target };
        var reached = new DateTimeOffset?[3];
        var elapsed = TimeSpan.Zero;
        var calendarEnds = false;
        Span? last = null;
        foreach (var span in spans)
        {
            if (stop is { } s && span.Start >= s)
            {
                break;
            }

            last = span;
            if (!Runs(span.Status, pauseOnHold))
            {
                continue;
            }

            var end = Min(span.End ?? now, stop ?? DateTimeOffset.MaxValue);
            var length = counter.Between(span.Start, end);
            var open = span.End is null && stop is null;
            for (var i = 0; i < milestones.Length; i++)
            {
                var mark = milestones[i];
                if (reached[i] is not null || mark <= elapsed || (!open && mark > elapsed + length))
                {
                    continue;
                }

                // A closed span reached the mark inside it; the open span (the clock runs now) reaches it now or later.
                reached[i] = counter.Add(span.Start, mark - elapsed);
                calendarEnds |= reached[i] is null;
            }

            elapsed += length;
        }

        var breached = stop is null ? elapsed >= target : elapsed > target;
        if (stop is { } met)
        {
            return new TargetClock(target, elapsed, TargetState.Met, breached, Known(reached[0], met), Known(reached[1], met), Known(reached[2], met), null, met);
        }

        var status = last!.Status;
        if (!Runs(status, pauseOnHold))
        {
            return new TargetClock(target, elapsed, TargetState.Paused, breached, reached[0], reached[1], reached[2], last.Start, null);
        }

        return new TargetClock(target, elapsed, calendarEnds && reached[2] is null ? TargetState.CalendarEnds : TargetState.Running, breached, reached[0], reached[1], reached[2], null, null);
    }

    private static DateTimeOffset? Known(DateTimeOffset? reached, DateTimeOffset stop) => reached is { } at && at <= stop ? at : null;

    /// <summary>When the ticket was last solved, if it is solved or closed now (Solved then Closed counts from the solve).</summary>
    private static DateTimeOffset? LastSolve(List<Span> spans)
    {
        var i = spans.Count - 1;
        if (!Stops(spans[i].Status))
        {
            return null;
        }

        while (i > 0 && Stops(spans[i - 1].Status))
        {
            i--;
        }

        return spans[i].Start;
    }

    private static TimeSpan Counted(IReadOnlyList<Span> spans, DateTimeOffset until, bool pauseOnHold, Counter counter, DateTimeOffset now)
    {
        var total = TimeSpan.Zero;
        foreach (var span in spans)
        {
            if (span.Start >= until)
            {
                break;
            }

            if (Runs(span.Status, pauseOnHold))
            {
                total += counter.Between(span.Start, Min(span.End ?? now, until));
            }
        }

        return total;
    }

    /// <summary>The ticket's life as spans of one status each, the last one open (running to now).</summary>
    private static List<Span> Spans(ClockHistory history)
    {
        var spans = new List<Span>();
        var start = history.CreatedAt;
        var status = history.Moves.Count > 0 ? history.Moves[0].From : TicketStatus.New;
        foreach (var move in history.Moves.OrderBy(m => m.At))
        {
            var at = move.At < start ? start : move.At;
            spans.Add(new Span(start, at, status));
            (start, status) = (at, move.To);
        }

        spans.Add(new Span(start, null, status));
        return spans;
    }

    private static int Minutes(TimeSpan time) => (int)Math.Round(time.TotalMinutes, MidpointRounding.AwayFromZero);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>[Start, End) in one status; End null for the current status.</summary>
    private sealed record Span(DateTimeOffset Start, DateTimeOffset? End, TicketStatus Status);

    /// <summary>Counted time: school time on the site's calendar, or every hour.</summary>
    private abstract class Counter
    {
        public abstract TimeSpan Between(DateTimeOffset from, DateTimeOffset to);

        /// <summary>When <paramref name="amount"/> of counted time has passed since <paramref name="from"/>; null past the calendar's end.</summary>
        public abstract DateTimeOffset? Add(DateTimeOffset from, TimeSpan amount);
    }

    private sealed class WallClock : Counter
    {
        public override TimeSpan Between(DateTimeOffset from, DateTimeOffset to) => to > from ? to - from : TimeSpan.Zero;

        public override DateTimeOffset? Add(DateTimeOffset from, TimeSpan amount) => (from + amount).ToUniversalTime();
    }

    private sealed class SchoolClock(SchoolSchedule schedule) : Counter
    {
        public override TimeSpan Between(DateTimeOffset from, DateTimeOffset to) => SchoolTime.SchoolTimeBetween(schedule, from, to);

        public override DateTimeOffset? Add(DateTimeOffset from, TimeSpan amount)
        {
            try
            {
                return SchoolTime.AddSchoolTime(schedule, from, amount);
            }
            catch (InvalidOperationException)
            {
                // The calendar ends first: the caller reports "calendar ends" rather than a deadline.
                return null;
            }
        }
    }

    /// <summary>A school-time policy for a district with no calendar yet: nothing counts, no deadline can be named.</summary>
    private sealed class NoCalendar : Counter
    {
        public override TimeSpan Between(DateTimeOffset from, DateTimeOffset to) => TimeSpan.Zero;

        public override DateTimeOffset? Add(DateTimeOffset from, TimeSpan amount) => null;
    }
}
