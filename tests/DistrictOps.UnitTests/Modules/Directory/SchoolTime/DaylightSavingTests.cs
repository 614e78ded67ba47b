using DistrictOps.Web.Modules.Directory.Contracts;
using static DistrictOps.UnitTests.Modules.Directory.SchoolTime.ScheduleBuilder;
using static DistrictOps.Web.Modules.Directory.Contracts.SchoolTime;

namespace DistrictOps.UnitTests.Modules.Directory.SchoolTime;

/// <summary>Los Angeles falls back on 2026-11-01 (02:00 PDT becomes 01:00 PST) and springs forward on 2027-03-14 (02:00 PST becomes 03:00 PDT).</summary>
public sealed class DaylightSavingTests
{
    private static readonly SchoolSchedule District = District2026().Build();

    [Fact]
    public void The_monday_after_falling_back_counts_eight_hours_of_pacific_standard_time()
    {
        Assert.Equal(TimeSpan.FromHours(8), SchoolTimeBetween(District, At("2026-11-02T00:00-08:00"), At("2026-11-03T00:00-08:00")));
        Assert.Equal(At("2026-11-02T07:00-08:00"), NextSchoolTimeStart(District, At("2026-10-30T15:00-07:00")));
        Assert.True(IsSchoolTime(District, At("2026-11-02T15:00Z")));
        Assert.False(IsSchoolTime(District, At("2026-11-02T14:59:59Z")));
    }

    [Fact]
    public void A_span_across_the_fall_back_weekend_is_exact()
    {
        var friday = At("2026-10-30T14:00-07:00");
        var monday = At("2026-11-02T08:00-08:00");

        Assert.Equal(TimeSpan.FromHours(2), SchoolTimeBetween(District, friday, monday));
        Assert.Equal(monday, AddSchoolTime(District, friday, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void The_monday_after_springing_forward_counts_eight_hours_of_pacific_daylight_time()
    {
        Assert.Equal(TimeSpan.FromHours(8), SchoolTimeBetween(District, At("2027-03-15T00:00-07:00"), At("2027-03-16T00:00-07:00")));
        Assert.Equal(At("2027-03-15T07:00-07:00"), NextSchoolTimeStart(District, At("2027-03-12T15:00-08:00")));
    }

    [Fact]
    public void A_span_across_the_spring_forward_weekend_is_exact()
    {
        var friday = At("2027-03-12T14:00-08:00");
        var monday = At("2027-03-15T08:00-07:00");

        Assert.Equal(TimeSpan.FromHours(2), SchoolTimeBetween(District, friday, monday));
        Assert.Equal(monday, AddSchoolTime(District, friday, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Hours_through_the_repeated_hour_count_every_instant_the_clock_shows_them()
    {
        // 01:00 happens twice; school opens the first time (PDT) and closes at 03:00 PST: three real hours.
        var sundays = District2026().Hours(DayOfWeek.Sunday, "01:00", "03:00").Build();

        Assert.Equal(TimeSpan.FromHours(3), SchoolTimeBetween(sundays, At("2026-11-01T00:00-07:00"), At("2026-11-02T00:00-08:00")));
        Assert.Equal(At("2026-11-01T01:00-07:00"), NextSchoolTimeStart(sundays, At("2026-10-31T23:00-07:00")));
        Assert.True(IsSchoolTime(sundays, At("2026-11-01T01:30-07:00")));
        Assert.True(IsSchoolTime(sundays, At("2026-11-01T01:30-08:00")));
        Assert.False(IsSchoolTime(sundays, At("2026-11-01T03:00-08:00")));
        Assert.Equal(TimeSpan.FromHours(2), SchoolTimeBetween(sundays, At("2026-10-25T00:00-07:00"), At("2026-10-26T00:00-07:00")));
    }

    [Fact]
    public void Hours_through_the_skipped_hour_count_only_the_instants_that_exist()
    {
        // 02:00-02:59 never shows on the clock: 01:00 PST to 03:00 PDT is one real hour.
        var sundays = District2026().Hours(DayOfWeek.Sunday, "01:00", "03:00").Build();

        Assert.Equal(TimeSpan.FromHours(1), SchoolTimeBetween(sundays, At("2027-03-14T00:00-08:00"), At("2027-03-15T00:00-07:00")));
        Assert.True(IsSchoolTime(sundays, At("2027-03-14T01:59:59-08:00")));
        Assert.False(IsSchoolTime(sundays, At("2027-03-14T03:00-07:00")));
        Assert.Equal(At("2027-03-14T03:00-07:00"), AddSchoolTime(sundays, At("2027-03-14T00:00-08:00"), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(9), SchoolTimeBetween(sundays, At("2027-03-14T00:00-08:00"), At("2027-03-16T00:00-07:00")));
    }

    [Fact]
    public void Hours_that_start_inside_the_skipped_hour_start_when_the_clock_jumps()
    {
        var sundays = District2026().Hours(DayOfWeek.Sunday, "02:30", "04:00").Build();

        Assert.Equal(At("2027-03-14T03:00-07:00"), NextSchoolTimeStart(sundays, At("2027-03-14T00:00-08:00")));
        Assert.Equal(TimeSpan.FromHours(1), SchoolTimeBetween(sundays, At("2027-03-14T00:00-08:00"), At("2027-03-15T00:00-07:00")));
        Assert.Equal(TimeSpan.FromHours(1.5), SchoolTimeBetween(sundays, At("2027-03-07T00:00-08:00"), At("2027-03-08T00:00-08:00")));
    }

    [Fact]
    public void Hours_entirely_inside_the_skipped_hour_hold_no_school_time_on_a_school_day()
    {
        var sundays = District2026().Hours(DayOfWeek.Sunday, "02:00", "02:30").Build();

        Assert.True(IsInstructionalDay(sundays, Day("2027-03-14")));
        Assert.Equal(TimeSpan.Zero, SchoolTimeBetween(sundays, At("2027-03-14T00:00-08:00"), At("2027-03-15T00:00-07:00")));
        Assert.Equal(At("2027-03-15T07:00-07:00"), NextSchoolTimeStart(sundays, At("2027-03-14T00:00-08:00")));
        Assert.Equal(TimeSpan.FromMinutes(30), SchoolTimeBetween(sundays, At("2027-03-21T00:00-07:00"), At("2027-03-22T00:00-07:00")));
    }

    [Fact]
    public void Hours_that_end_inside_the_repeated_hour_end_the_first_time_the_clock_shows_it()
    {
        var sundays = District2026().Hours(DayOfWeek.Sunday, "00:00", "01:30").Build();

        Assert.Equal(TimeSpan.FromHours(1.5), SchoolTimeBetween(sundays, At("2026-11-01T00:00-07:00"), At("2026-11-02T00:00-08:00")));
        Assert.True(IsSchoolTime(sundays, At("2026-11-01T01:15-07:00")));
        Assert.False(IsSchoolTime(sundays, At("2026-11-01T01:15-08:00")));
    }

    [Fact]
    public void New_york_school_hours_are_eastern_time_whatever_the_offset_of_the_instant()
    {
        var newYork = District2026("America/New_York").Build();

        Assert.False(IsSchoolTime(newYork, At("2026-09-21T10:59:59Z")));
        Assert.True(IsSchoolTime(newYork, At("2026-09-21T04:00-07:00")));
        Assert.False(IsSchoolTime(newYork, At("2026-09-21T12:00-07:00")));
        Assert.Equal(TimeSpan.FromHours(2), SchoolTimeBetween(newYork, At("2026-10-30T14:00-04:00"), At("2026-11-02T08:00-05:00")));
        Assert.Equal(At("2026-11-02T12:00Z"), NextSchoolTimeStart(newYork, At("2026-10-30T15:00-04:00")));
    }

    [Fact]
    public void Honolulu_keeps_one_offset_while_the_mainland_changes_clocks()
    {
        var honolulu = District2026("Pacific/Honolulu").Build();

        Assert.Equal(TimeSpan.FromHours(2), SchoolTimeBetween(honolulu, At("2026-10-30T14:00-10:00"), At("2026-11-02T08:00-10:00")));
        Assert.Equal(At("2026-11-02T17:00Z"), NextSchoolTimeStart(honolulu, At("2026-10-30T15:00-10:00")));
        Assert.Equal(At("2026-10-30T17:00Z"), NextSchoolTimeStart(honolulu, At("2026-10-30T06:00-10:00")));
        Assert.Equal(TimeSpan.FromHours(8), SchoolTimeBetween(honolulu, At("2027-03-15T00:00-10:00"), At("2027-03-16T00:00-10:00")));
    }
}
