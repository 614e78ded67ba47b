using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;

namespace DistrictOps.UnitTests.Modules.Helpdesk;

/// <summary>School 07:00-15:00 Monday to Friday in Los Angeles; two instructional years with a summer between them.</summary>
public sealed class ServiceLevelClockTests
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private static readonly InstructionalYear[] Years = [new(Day("2026-08-17"), Day("2027-06-04")), new(Day("2027-08-16"), Day("2028-06-02"))];

    private static readonly SchoolSchedule Schedule = SchoolSchedule.Create(LosAngeles, Years);

    private static DateOnly Day(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    /// <summary>A local time at the school, as a UTC instant.</summary>
    private static DateTimeOffset L(string local)
    {
        var time = DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(time, LosAngeles.GetUtcOffset(time)).ToUniversalTime();
    }

    private static ClockPolicy Policy(int response = 60, int resolution = 120, int? restore = null, bool pauseOnHold = true, ServiceHours hours = ServiceHours.SchoolTime) =>
        new(hours, pauseOnHold, response, resolution, restore);

    private static ClockHistory History(string created, params (string At, TicketStatus From, TicketStatus To)[] moves) =>
        new(L(created), moves.Select(m => new StatusMove(L(m.At), m.From, m.To)).ToList(), null, null, false);

    private static ServiceLevelReading Read(ClockPolicy policy, ClockHistory history, string now, SchoolSchedule? schedule = null) =>
        ServiceLevelClock.Read(policy, history, schedule ?? Schedule, L(now));

    [Fact]
    public void A_weekend_does_not_count()
    {
        var reading = Read(Policy(), History("2026-10-09 14:00"), "2026-10-10 12:00");

        Assert.Equal(L("2026-10-12 08:00"), reading.Resolution.DueAt);
        Assert.Equal(TargetState.Running, reading.Resolution.State);
        Assert.Equal(TimeSpan.FromMinutes(60), reading.Resolution.Elapsed);
        Assert.Equal(50, reading.Resolution.PercentUsed);
    }

    [Fact]
    public void A_holiday_and_a_break_do_not_count()
    {
        var holiday = SchoolSchedule.Create(LosAngeles, Years, [Day("2026-10-12")]);
        Assert.Equal(L("2026-10-13 08:00"), Read(Policy(), History("2026-10-09 14:00"), "2026-10-09 14:30", holiday).Resolution.DueAt);

        var thanksgiving = SchoolSchedule.Create(LosAngeles, Years, Enumerable.Range(0, 5).Select(i => Day("2026-11-23").AddDays(i)));
        Assert.Equal(L("2026-11-30 08:00"), Read(Policy(), History("2026-11-20 14:00"), "2026-11-20 14:30", thanksgiving).Resolution.DueAt);
    }

    [Fact]
    public void Summer_does_not_count()
    {
        var reading = Read(Policy(), History("2027-06-04 14:00"), "2027-07-01 10:00");

        Assert.Equal(L("2027-08-16 08:00"), reading.Resolution.DueAt);
        Assert.Equal(TimeSpan.FromMinutes(60), reading.Resolution.Elapsed);
    }

    [Fact]
    public void A_ticket_opened_after_hours_starts_counting_at_the_next_opening()
    {
        var reading = Read(Policy(), History("2026-10-05 17:30"), "2026-10-05 18:00");

        Assert.Equal(TimeSpan.Zero, reading.Resolution.Elapsed);
        Assert.Equal(L("2026-10-06 08:00"), reading.Response.DueAt);
        Assert.Equal(L("2026-10-06 09:00"), reading.Resolution.DueAt);
        Assert.Equal(L("2026-10-06 08:00"), reading.Resolution.At50);
        Assert.Equal(L("2026-10-06 08:30"), reading.Resolution.At75);
    }

    [Fact]
    public void Deadlines_keep_school_hours_across_the_March_and_November_clock_changes()
    {
        // Spring forward on Sunday 14 March 2027: Monday 08:00 is 15:00 UTC, not 16:00.
        var march = Read(Policy(), History("2027-03-12 14:00"), "2027-03-12 14:30");
        Assert.Equal(new DateTimeOffset(2027, 3, 15, 15, 0, 0, TimeSpan.Zero), march.Resolution.DueAt);

        // Fall back on Sunday 1 November 2026: Monday 08:00 is 16:00 UTC.
        var november = Read(Policy(), History("2026-10-30 14:00"), "2026-10-30 14:30");
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 16, 0, 0, TimeSpan.Zero), november.Resolution.DueAt);
    }

    [Fact]
    public void Several_pauses_push_the_deadline_back_by_the_time_paused()
    {
        var history = History("2026-10-05 08:00",
            ("2026-10-05 09:00", TicketStatus.New, TicketStatus.Pending),
            ("2026-10-05 10:00", TicketStatus.Pending, TicketStatus.Open),
            ("2026-10-05 11:00", TicketStatus.Open, TicketStatus.Pending),
            ("2026-10-05 12:00", TicketStatus.Pending, TicketStatus.Open));

        var reading = Read(Policy(resolution: 240), history, "2026-10-05 12:30");

        Assert.Equal(L("2026-10-05 14:00"), reading.Resolution.DueAt);
        Assert.Equal(TimeSpan.FromMinutes(150), reading.Resolution.Elapsed);
        Assert.Null(reading.PausedSince);
    }

    [Fact]
    public void While_pending_there_is_no_deadline_and_the_pause_is_dated()
    {
        var history = History("2026-10-05 08:00", ("2026-10-05 09:00", TicketStatus.New, TicketStatus.Pending));

        var reading = Read(Policy(resolution: 240), history, "2026-10-06 12:00");

        Assert.Equal(TargetState.Paused, reading.Resolution.State);
        Assert.Null(reading.Resolution.Deadline);
        Assert.Equal(L("2026-10-05 09:00"), reading.PausedSince);
        Assert.Equal(TimeSpan.FromMinutes(60), reading.Resolution.Elapsed);
    }

    [Fact]
    public void On_hold_pauses_only_where_the_policy_says_so()
    {
        var history = History("2026-10-05 08:00", ("2026-10-05 09:00", TicketStatus.New, TicketStatus.OnHold));

        var pausing = Read(Policy(resolution: 240, pauseOnHold: true), history, "2026-10-05 11:00");
        var counting = Read(Policy(resolution: 240, pauseOnHold: false), history, "2026-10-05 11:00");

        Assert.Equal((TargetState.Paused, TimeSpan.FromMinutes(60)), (pausing.Resolution.State, pausing.Resolution.Elapsed));
        Assert.Equal((TargetState.Running, TimeSpan.FromMinutes(180)), (counting.Resolution.State, counting.Resolution.Elapsed));
        Assert.Equal(L("2026-10-05 12:00"), counting.Resolution.DueAt);
    }

    [Fact]
    public void A_reopen_resumes_with_the_time_already_used()
    {
        var history = History("2026-10-05 08:00",
            ("2026-10-05 10:00", TicketStatus.New, TicketStatus.Solved),
            ("2026-10-05 13:00", TicketStatus.Solved, TicketStatus.Open));

        var solved = Read(Policy(resolution: 240), History("2026-10-05 08:00", ("2026-10-05 10:00", TicketStatus.New, TicketStatus.Solved)), "2026-10-05 12:00");
        var reopened = Read(Policy(resolution: 240), history, "2026-10-05 13:30");

        Assert.Equal((TargetState.Met, false, 120), (solved.Resolution.State, solved.Resolution.Breached, solved.ResolutionSchoolMinutes));
        Assert.Equal(TargetState.Running, reopened.Resolution.State);
        Assert.Equal(L("2026-10-05 15:00"), reopened.Resolution.DueAt);
        Assert.Null(reopened.ResolutionSchoolMinutes);
    }

    [Fact]
    public void Solved_then_closed_counts_to_the_solve()
    {
        var history = History("2026-10-05 08:00",
            ("2026-10-05 10:00", TicketStatus.New, TicketStatus.Solved),
            ("2026-10-09 10:00", TicketStatus.Solved, TicketStatus.Closed));

        var reading = Read(Policy(resolution: 240), history, "2026-10-09 11:00");

        Assert.Equal((TargetState.Met, 120), (reading.Resolution.State, reading.ResolutionSchoolMinutes));
        Assert.Equal(L("2026-10-05 10:00"), reading.Resolution.MetAt);
    }

    [Fact]
    public void A_calendar_edit_moves_the_deadline_of_the_same_history()
    {
        var history = History("2026-10-09 14:00");
        var before = Read(Policy(), history, "2026-10-09 14:30");
        var edited = Read(Policy(), history, "2026-10-09 14:30", SchoolSchedule.Create(LosAngeles, Years, [Day("2026-10-12")]));

        Assert.Equal(L("2026-10-12 08:00"), before.Resolution.DueAt);
        Assert.Equal(L("2026-10-13 08:00"), edited.Resolution.DueAt);
    }

    [Fact]
    public void An_around_the_clock_policy_counts_nights_and_weekends()
    {
        var reading = Read(Policy(response: 15, resolution: 240, hours: ServiceHours.AroundTheClock), History("2026-10-10 22:00"), "2026-10-10 23:00");

        Assert.Equal(L("2026-10-11 02:00"), reading.Resolution.DueAt);
        Assert.Equal(TimeSpan.FromMinutes(60), reading.Resolution.Elapsed);
        Assert.True(reading.Response.Breached);
        Assert.Null(reading.ResponseSchoolMinutes);
    }

    [Fact]
    public void Past_the_target_the_clock_is_breached_and_keeps_its_deadline()
    {
        var reading = Read(Policy(), History("2026-10-05 08:00"), "2026-10-05 11:00");

        Assert.True(reading.Response.Breached);
        Assert.True(reading.Resolution.Breached);
        Assert.Equal(L("2026-10-05 10:00"), reading.Resolution.DueAt);
        Assert.Equal(150, reading.Resolution.PercentUsed);
        Assert.Equal(TimeSpan.Zero, reading.Resolution.Left);
    }

    [Fact]
    public void First_response_stops_at_the_first_public_reply_and_is_counted_in_school_minutes()
    {
        var history = History("2026-10-05 14:30") with { FirstResponseAt = L("2026-10-06 07:45") };

        var reading = Read(Policy(response: 120), history, "2026-10-06 12:00");

        Assert.Equal((TargetState.Met, false), (reading.Response.State, reading.Response.Breached));
        Assert.Null(reading.Response.Deadline);
        Assert.Equal(75, reading.ResponseSchoolMinutes);
    }

    [Fact]
    public void The_restore_target_stops_when_instruction_is_restored()
    {
        var disrupted = History("2026-10-05 09:00") with { InstructionDisrupted = true };

        var running = Read(Policy(restore: 30), disrupted, "2026-10-05 09:10");
        var restored = Read(Policy(restore: 30), disrupted with { InstructionRestoredAt = L("2026-10-05 09:20") }, "2026-10-05 10:00");
        var late = Read(Policy(restore: 30), disrupted, "2026-10-05 09:45");
        var notDisrupted = Read(Policy(restore: 30), History("2026-10-05 09:00"), "2026-10-05 09:10");

        Assert.Equal(L("2026-10-05 09:30"), running.Restore!.DueAt);
        Assert.Equal((TargetState.Met, false), (restored.Restore!.State, restored.Restore.Breached));
        Assert.True(late.Restore!.Breached);
        Assert.Null(notDisrupted.Restore);
    }

    [Fact]
    public void A_calendar_that_ends_before_the_deadline_says_so_instead_of_throwing()
    {
        var reading = Read(Policy(), History("2028-06-02 14:00"), "2028-06-02 14:30");

        Assert.Equal(TargetState.CalendarEnds, reading.Resolution.State);
        Assert.Null(reading.Resolution.Deadline);
        Assert.Equal(L("2028-06-02 15:00"), reading.Resolution.At50);
    }

    [Fact]
    public void The_ladder_sends_each_step_once_and_then_waits_for_the_next()
    {
        var history = History("2026-10-05 08:00");
        var atHalf = Read(Policy(response: 600, resolution: 240), history, "2026-10-05 10:10");

        var due = EscalationLadder.Due(atHalf, ServiceLevelAlerts.None, L("2026-10-05 10:10"));
        var alert = Assert.Single(due);
        Assert.Equal((ServiceTarget.Resolution, LadderStep.Half), (alert.Target, alert.Step));

        var sent = EscalationLadder.UpTo(alert.Target, alert.Step);
        Assert.Empty(EscalationLadder.Due(atHalf, sent, L("2026-10-05 10:10")));
        Assert.Equal(L("2026-10-05 11:00"), EscalationLadder.NextCheck(atHalf, sent));
    }

    [Fact]
    public void Steps_that_came_due_together_send_only_the_highest()
    {
        var late = Read(Policy(response: 600, resolution: 60), History("2026-10-05 08:00"), "2026-10-05 12:00");

        var alert = Assert.Single(EscalationLadder.Due(late, ServiceLevelAlerts.None, L("2026-10-05 12:00")));

        Assert.Equal(LadderStep.Breach, alert.Step);
        Assert.Equal(ServiceLevelAlerts.Resolution50 | ServiceLevelAlerts.Resolution75 | ServiceLevelAlerts.ResolutionBreach, EscalationLadder.UpTo(alert.Target, alert.Step));
    }

    [Fact]
    public void Nothing_is_checked_while_every_clock_is_paused_or_met()
    {
        var history = History("2026-10-05 08:00", ("2026-10-05 08:10", TicketStatus.New, TicketStatus.Pending));

        Assert.Null(EscalationLadder.NextCheck(Read(Policy(), history, "2026-10-05 12:00"), ServiceLevelAlerts.None));
    }
}
