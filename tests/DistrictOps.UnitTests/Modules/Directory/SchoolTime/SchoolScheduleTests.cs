using DistrictOps.Web.Modules.Directory.Contracts;
using static DistrictOps.UnitTests.Modules.Directory.SchoolTime.ScheduleBuilder;
using static DistrictOps.Web.Modules.Directory.Contracts.SchoolTime;

namespace DistrictOps.UnitTests.Modules.Directory.SchoolTime;

public sealed class SchoolScheduleTests
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public void Hours_must_end_after_they_start()
    {
        var backwards = Assert.Throws<ArgumentException>(() => new SchoolHours(new TimeOnly(15, 0), new TimeOnly(7, 0)));
        Assert.Contains("15:00-07:00", backwards.Message, StringComparison.Ordinal);
        Assert.Contains("expected Start before End", backwards.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => new SchoolHours(new TimeOnly(7, 0), new TimeOnly(7, 0)));
        Assert.Equal(TimeSpan.FromHours(8), new SchoolHours(new TimeOnly(7, 0), new TimeOnly(15, 0)).Length);
    }

    [Fact]
    public void A_year_must_not_end_before_it_begins()
    {
        var backwards = Assert.Throws<ArgumentException>(() => new InstructionalYear(Day("2027-06-04"), Day("2026-08-17")));

        Assert.Contains("2027-06-04..2026-08-17 ends before it begins", backwards.Message, StringComparison.Ordinal);
        Assert.True(new InstructionalYear(Day("2026-08-17"), Day("2026-08-17")).Contains(Day("2026-08-17")));
    }

    [Fact]
    public void Overlapping_years_are_refused_with_both_named()
    {
        var overlap = Assert.Throws<ArgumentException>(() => new ScheduleBuilder().Year("2026-08-17", "2027-06-04").Year("2027-06-01", "2028-06-02").Build());

        Assert.Contains("2026-08-17..2027-06-04 and 2027-06-01..2028-06-02 overlap", overlap.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ScheduleBuilder().Year("2026-08-17", "2027-06-04").Year("2027-06-04", "2028-06-02").Build());
    }

    [Fact]
    public void A_schedule_needs_a_year()
    {
        var none = Assert.Throws<ArgumentException>(() => SchoolSchedule.Create(LosAngeles, []));

        Assert.Contains("at least one instructional year", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_cannot_be_both_without_school_and_with_special_hours()
    {
        var both = Assert.Throws<ArgumentException>(() => District2026().Special("2026-11-11", "07:00", "12:00").Build());

        Assert.Contains("2026-11-11", both.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weekday_hours_must_name_real_days()
    {
        var hours = new Dictionary<DayOfWeek, SchoolHours> { [(DayOfWeek)9] = new(new TimeOnly(7, 0), new TimeOnly(15, 0)) };

        var notADay = Assert.Throws<ArgumentException>(() => SchoolSchedule.Create(LosAngeles, [new InstructionalYear(Day("2026-08-17"), Day("2027-06-04"))], weeklyHours: hours));
        Assert.Contains("9 is not a day of the week", notADay.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Years_are_kept_in_order_and_the_defaults_are_incident_iq_working_hours()
    {
        var schedule = SchoolSchedule.Create(LosAngeles, [new(Day("2027-08-16"), Day("2028-06-02")), new(Day("2026-08-17"), Day("2027-06-04"))]);

        Assert.Equal(Day("2026-08-17"), schedule.FirstDay);
        Assert.Equal(Day("2028-06-02"), schedule.LastDay);
        Assert.Equal(5, schedule.WeeklyHours.Count);
        Assert.All(schedule.WeeklyHours.Values, h => Assert.Equal(new SchoolHours(new TimeOnly(7, 0), new TimeOnly(15, 0)), h));
        Assert.DoesNotContain(DayOfWeek.Saturday, schedule.WeeklyHours.Keys);
    }

    [Fact]
    public void Changing_the_inputs_afterwards_does_not_change_the_schedule()
    {
        var years = new List<InstructionalYear> { new(Day("2026-08-17"), Day("2027-06-04")) };
        var noSchool = new List<DateOnly> { Day("2026-11-11") };
        var schedule = SchoolSchedule.Create(LosAngeles, years, noSchool);

        years.Clear();
        noSchool.Add(Day("2026-11-12"));

        Assert.Single(schedule.Years);
        Assert.True(IsInstructionalDay(schedule, Day("2026-11-12")));
    }
}
