using DistrictOps.Web.Modules.Directory.Contracts;
using static DistrictOps.UnitTests.Modules.Directory.SchoolTime.ScheduleBuilder;
using static DistrictOps.Web.Modules.Directory.Contracts.SchoolTime;

namespace DistrictOps.UnitTests.Modules.Directory.SchoolTime;

public sealed class SchoolTimeTests
{
    private static readonly SchoolSchedule District = District2026().Build();

    [Fact]
    public void A_ticket_opened_friday_afternoon_counts_into_monday_without_the_weekend()
    {
        var opened = At("2026-09-18T14:30-07:00");

        Assert.Equal(TimeSpan.FromHours(1.5), SchoolTimeBetween(District, opened, At("2026-09-21T08:00-07:00")));
        Assert.Equal(TimeSpan.FromMinutes(30), SchoolTimeBetween(District, opened, At("2026-09-20T23:59-07:00")));
        Assert.Equal(At("2026-09-21T07:30-07:00"), AddSchoolTime(District, opened, TimeSpan.FromHours(1)));
        Assert.False(IsSchoolTime(District, At("2026-09-19T10:00-07:00")));
    }

    [Fact]
    public void A_holiday_holds_no_school_time()
    {
        Assert.False(IsInstructionalDay(District, Day("2026-11-11")));
        Assert.False(IsSchoolTime(District, At("2026-11-11T10:00-08:00")));
        Assert.True(IsInstructionalDay(District, Day("2026-11-10")));

        Assert.Equal(TimeSpan.FromHours(2), SchoolTimeBetween(District, At("2026-11-10T14:00-08:00"), At("2026-11-12T08:00-08:00")));
        Assert.Equal(At("2026-11-12T08:00-08:00"), AddSchoolTime(District, At("2026-11-10T14:00-08:00"), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Winter_break_and_the_staff_day_after_it_are_skipped()
    {
        var friday = At("2026-12-18T14:00-08:00");

        Assert.Equal(TimeSpan.FromHours(3), SchoolTimeBetween(District, friday, At("2027-01-05T09:00-08:00")));
        Assert.Equal(At("2027-01-05T08:00-08:00"), AddSchoolTime(District, friday, TimeSpan.FromHours(2)));
        Assert.Equal(At("2027-01-05T07:00-08:00"), NextSchoolTimeStart(District, At("2026-12-18T15:00-08:00")));
        Assert.DoesNotContain(Enumerable.Range(0, 17).Select(i => Day("2026-12-19").AddDays(i)), d => IsInstructionalDay(District, d));
    }

    [Fact]
    public void Summer_between_two_school_years_holds_no_school_time()
    {
        var twoYears = District2026().Year("2027-08-16", "2028-06-02").Build();
        var lastAfternoon = At("2027-06-03T14:00-07:00");

        Assert.False(IsInstructionalDay(twoYears, Day("2027-07-06")));
        Assert.True(IsInstructionalDay(twoYears, Day("2027-08-16")));
        Assert.Equal(TimeSpan.FromHours(1 + 4.5 + 1), SchoolTimeBetween(twoYears, lastAfternoon, At("2027-08-16T08:00-07:00")));
        Assert.Equal(At("2027-08-16T07:00-07:00"), NextSchoolTimeStart(twoYears, At("2027-06-04T11:30-07:00")));
        Assert.Equal(At("2027-08-16T07:30-07:00"), AddSchoolTime(twoYears, At("2027-06-04T11:00-07:00"), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_ticket_opened_in_the_evening_starts_counting_the_next_morning()
    {
        var evening = At("2026-09-22T18:00-07:00");

        Assert.Equal(TimeSpan.FromHours(1), SchoolTimeBetween(District, evening, At("2026-09-23T08:00-07:00")));
        Assert.Equal(At("2026-09-23T07:00-07:00"), NextSchoolTimeStart(District, evening));
        Assert.Equal(At("2026-09-23T10:00-07:00"), AddSchoolTime(District, evening, TimeSpan.FromHours(3)));
    }

    [Fact]
    public void A_ticket_opened_before_hours_starts_counting_at_opening()
    {
        var early = At("2026-09-23T05:30-07:00");

        Assert.Equal(TimeSpan.FromHours(2), SchoolTimeBetween(District, early, At("2026-09-23T09:00-07:00")));
        Assert.Equal(At("2026-09-23T08:00-07:00"), AddSchoolTime(District, early, TimeSpan.FromHours(1)));
        Assert.False(IsSchoolTime(District, At("2026-09-23T06:59:59-07:00")));
        Assert.True(IsSchoolTime(District, At("2026-09-23T07:00-07:00")));
        Assert.False(IsSchoolTime(District, At("2026-09-23T15:00-07:00")));
    }

    [Fact]
    public void A_minimum_day_counts_only_its_shorter_hours()
    {
        Assert.Equal(TimeSpan.FromHours(5), SchoolTimeBetween(District, At("2026-10-23T00:00-07:00"), At("2026-10-24T00:00-07:00")));
        Assert.False(IsSchoolTime(District, At("2026-10-23T13:00-07:00")));
        Assert.Equal(TimeSpan.FromHours(2), SchoolTimeBetween(District, At("2026-10-23T11:00-07:00"), At("2026-10-26T08:00-07:00")));
        Assert.Equal(At("2026-10-26T07:30-07:00"), AddSchoolTime(District, At("2026-10-23T11:00-07:00"), TimeSpan.FromHours(1.5)));
    }

    [Fact]
    public void Special_hours_on_a_saturday_make_it_a_school_day()
    {
        var makeUpDay = District2026().Special("2026-09-26", "08:00", "12:00").Build();

        Assert.True(IsInstructionalDay(makeUpDay, Day("2026-09-26")));
        Assert.Equal(TimeSpan.FromHours(1 + 4 + 1), SchoolTimeBetween(makeUpDay, At("2026-09-25T14:00-07:00"), At("2026-09-28T08:00-07:00")));
    }

    [Fact]
    public void A_deadline_that_falls_on_closing_time_is_that_closing_time()
    {
        Assert.Equal(At("2026-09-18T15:00-07:00"), AddSchoolTime(District, At("2026-09-18T14:00-07:00"), TimeSpan.FromHours(1)));
        Assert.Equal(At("2026-09-23T15:00-07:00"), AddSchoolTime(District, At("2026-09-22T18:00-07:00"), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Adding_zero_returns_the_start_unchanged_even_after_hours()
    {
        var evening = At("2026-09-22T18:00-07:00");

        Assert.Equal(evening, AddSchoolTime(District, evening, TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, AddSchoolTime(District, evening, TimeSpan.Zero).Offset);
        Assert.Equal(At("2030-01-01T00:00Z"), AddSchoolTime(District, At("2030-01-01T00:00Z"), TimeSpan.Zero));
    }

    [Fact]
    public void Instants_returned_are_utc()
    {
        var deadline = AddSchoolTime(District, At("2026-09-22T18:00-07:00"), TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.Zero, deadline.Offset);
        Assert.Equal(new DateTimeOffset(2026, 9, 23, 15, 0, 0, TimeSpan.Zero), deadline);
        Assert.Equal(TimeSpan.Zero, NextSchoolTimeStart(District, At("2026-09-22T18:00-07:00"))!.Value.Offset);
    }

    [Fact]
    public void Adding_more_school_time_than_the_schedule_holds_says_so()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => AddSchoolTime(District, At("2027-06-03T14:00-07:00"), TimeSpan.FromHours(6)));

        Assert.Contains("Only 5.5 h of school time remain", failure.Message, StringComparison.Ordinal);
        Assert.Contains("2027-06-04", failure.Message, StringComparison.Ordinal);
        Assert.Equal(At("2027-06-04T11:30-07:00"), AddSchoolTime(District, At("2027-06-03T14:00-07:00"), TimeSpan.FromHours(5.5)));
        Assert.Throws<InvalidOperationException>(() => AddSchoolTime(District, At("2027-07-01T00:00-07:00"), TimeSpan.FromTicks(1)));
        Assert.Throws<InvalidOperationException>(() => AddSchoolTime(District, At("2027-01-01T00:00-07:00"), TimeSpan.MaxValue));
    }

    [Fact]
    public void A_negative_amount_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AddSchoolTime(District, At("2026-09-22T10:00-07:00"), TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void The_next_start_is_now_during_school_hours_and_none_after_the_last_day()
    {
        var duringClass = At("2026-09-22T10:15-07:00");

        Assert.Equal(duringClass, NextSchoolTimeStart(District, duringClass));
        Assert.Equal(At("2026-08-17T07:00-07:00"), NextSchoolTimeStart(District, At("2026-01-01T00:00-08:00")));
        Assert.Null(NextSchoolTimeStart(District, At("2027-06-04T11:30-07:00")));
        Assert.Null(NextSchoolTimeStart(District, At("2030-01-01T00:00Z")));
    }

    [Fact]
    public void From_after_to_and_zero_length_spans_count_nothing()
    {
        var a = At("2026-09-22T09:00-07:00");

        Assert.Equal(TimeSpan.Zero, SchoolTimeBetween(District, a, a));
        Assert.Equal(TimeSpan.Zero, SchoolTimeBetween(District, a.AddHours(2), a));
        Assert.Equal(TimeSpan.Zero, SchoolTimeBetween(District, At("2026-09-23T10:00-07:00"), At("2026-09-22T10:00-07:00")));
    }

    [Fact]
    public void Instants_given_in_any_offset_are_the_same_instants()
    {
        Assert.Equal(
            SchoolTimeBetween(District, At("2026-09-22T09:00-07:00"), At("2026-09-24T09:00-07:00")),
            SchoolTimeBetween(District, At("2026-09-22T16:00Z"), At("2026-09-24T12:00-04:00")));
        Assert.True(IsSchoolTime(District, At("2026-09-23T00:30+09:00")));
    }

    [Fact]
    public void A_whole_school_year_counts_eight_hours_per_regular_day_and_the_minimum_days_hours()
    {
        var instructionalDays = Enumerable.Range(0, 400).Select(i => Day("2026-07-01").AddDays(i)).Count(d => IsInstructionalDay(District, d));

        Assert.Equal(180, instructionalDays);
        Assert.Equal(
            TimeSpan.FromHours((178 * 8) + 5 + 4.5),
            SchoolTimeBetween(District, At("2026-07-01T00:00-07:00"), At("2027-08-01T00:00-07:00")));
        Assert.Equal(
            TimeSpan.FromHours((178 * 8) + 5 + 4.5),
            SchoolTimeBetween(District, At("2026-08-17T07:00-07:00"), At("2027-06-04T11:30-07:00")));
    }

    [Fact]
    public void Days_outside_the_instructional_year_hold_no_school()
    {
        Assert.False(IsInstructionalDay(District, Day("2026-08-14")));
        Assert.True(IsInstructionalDay(District, Day("2026-08-17")));
        Assert.True(IsInstructionalDay(District, Day("2027-06-04")));
        Assert.False(IsInstructionalDay(District, Day("2027-06-07")));
        Assert.False(IsInstructionalDay(District, Day("2026-09-19")));
        Assert.Equal(new SchoolHours(new TimeOnly(7, 0), new TimeOnly(12, 0)), District.HoursOn(Day("2026-10-23")));
        Assert.Null(District.HoursOn(Day("2026-11-11")));
    }
}
