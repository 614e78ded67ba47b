using DistrictOps.Web.Modules.Directory.Contracts;
using static DistrictOps.UnitTests.Modules.Directory.SchoolTime.ScheduleBuilder;
using static DistrictOps.Web.Modules.Directory.Contracts.SchoolTime;

namespace DistrictOps.UnitTests.Modules.Directory.SchoolTime;

public sealed class SchoolTimePropertyTests
{
    private const int Runs = 3000;

    private static readonly DateTimeOffset RangeStart = At("2026-07-01T00:00-07:00");
    private static readonly DateTimeOffset RangeEnd = At("2028-08-01T00:00-07:00");

    // Two years, and weekend hours that cross both DST changes' skipped and repeated local times.
    private static readonly SchoolSchedule Tricky = District2026()
        .Year("2027-08-16", "2028-06-02")
        .Hours(DayOfWeek.Sunday, "01:00", "03:00")
        .Hours(DayOfWeek.Saturday, "02:00", "02:30")
        .Build();

    public static TheoryData<string> Schedules => ["district", "tricky", "honolulu"];

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Adding_school_time_and_measuring_it_agree(string name)
    {
        var schedule = ScheduleNamed(name);
        var random = new Random(20261101);
        for (var run = 0; run < Runs; run++)
        {
            var from = RandomInstant(random);
            var amount = TimeSpan.FromTicks(random.NextInt64(TimeSpan.FromHours(60).Ticks));
            if (run % 5 == 0)
            {
                amount = TimeSpan.FromMinutes(random.Next(0, 60 * 60));
            }

            var left = SchoolTimeBetween(schedule, from, DateTimeOffset.MaxValue);
            if (amount > left)
            {
                Assert.Throws<InvalidOperationException>(() => AddSchoolTime(schedule, from, amount));
                continue;
            }

            var deadline = AddSchoolTime(schedule, from, amount);
            Assert.True(deadline >= from, $"{from:o} + {amount} = {deadline:o}");
            Assert.Equal(amount, SchoolTimeBetween(schedule, from, deadline));
            if (amount > TimeSpan.Zero)
            {
                Assert.True(SchoolTimeBetween(schedule, from, deadline.AddTicks(-1)) < amount, $"{from:o} + {amount}: {deadline:o} is not the earliest");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void School_time_over_consecutive_spans_adds_up(string name)
    {
        var schedule = ScheduleNamed(name);
        var random = new Random(20270314);
        for (var run = 0; run < Runs; run++)
        {
            var instants = new[] { RandomInstant(random), RandomInstant(random), RandomInstant(random) }.Order().ToArray();
            var (a, b, c) = (instants[0], instants[1], instants[2]);

            Assert.Equal(SchoolTimeBetween(schedule, a, b) + SchoolTimeBetween(schedule, b, c), SchoolTimeBetween(schedule, a, c));
            Assert.True(SchoolTimeBetween(schedule, a, c) <= c - a);
        }
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void It_is_school_time_exactly_where_school_time_accrues(string name)
    {
        var schedule = ScheduleNamed(name);
        var random = new Random(1701);
        for (var run = 0; run < Runs * 3; run++)
        {
            var instant = RandomInstant(random);
            var accrues = SchoolTimeBetween(schedule, instant, instant.AddTicks(1)) == TimeSpan.FromTicks(1);

            Assert.True(accrues == IsSchoolTime(schedule, instant), $"{instant:o}: IsSchoolTime {!accrues}, accrues {accrues}");
        }
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void The_next_start_is_the_first_school_time_instant(string name)
    {
        var schedule = ScheduleNamed(name);
        var random = new Random(42);
        for (var run = 0; run < Runs; run++)
        {
            var from = RandomInstant(random);
            var next = NextSchoolTimeStart(schedule, from);
            if (next is not { } start)
            {
                Assert.Equal(TimeSpan.Zero, SchoolTimeBetween(schedule, from, DateTimeOffset.MaxValue));
                continue;
            }

            Assert.True(start >= from);
            Assert.True(IsSchoolTime(schedule, start));
            Assert.Equal(TimeSpan.Zero, SchoolTimeBetween(schedule, from, start));
            Assert.Equal(start == from, IsSchoolTime(schedule, from));
        }
    }

    [Fact]
    public void The_timeline_matches_a_plain_count_day_by_day()
    {
        var schedule = District2026().Year("2027-08-16", "2028-06-02").Build();
        var random = new Random(7);
        for (var run = 0; run < Runs; run++)
        {
            var from = RandomInstant(random);
            var to = run % 3 == 0 ? from.AddTicks(random.NextInt64(TimeSpan.FromDays(400).Ticks)) : from.AddTicks(random.NextInt64(TimeSpan.FromDays(5).Ticks));

            Assert.Equal(CountDayByDay(schedule, from, to), SchoolTimeBetween(schedule, from, to));
        }
    }

    private static SchoolSchedule ScheduleNamed(string name) => name switch
    {
        "district" => District2026().Build(),
        "tricky" => Tricky,
        "honolulu" => District2026("Pacific/Honolulu").Year("2027-08-16", "2028-06-02").Build(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Half uniformly random instants, half on or one tick beside a half hour of Pacific standard or daylight time.</summary>
    private static DateTimeOffset RandomInstant(Random random)
    {
        if (random.Next(2) == 0)
        {
            return RangeStart.AddTicks(random.NextInt64((RangeEnd - RangeStart).Ticks));
        }

        var day = RangeStart.AddDays(random.Next((int)(RangeEnd - RangeStart).TotalDays));
        var local = new DateTimeOffset(day.Date.AddMinutes(30 * random.Next(48)), TimeSpan.FromHours(random.Next(2) == 0 ? -7 : -8));
        return local.AddTicks(random.Next(-1, 2));
    }

    /// <summary>Only valid for hours that no DST change touches (07:00-15:00 in Los Angeles).</summary>
    private static TimeSpan CountDayByDay(SchoolSchedule schedule, DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, schedule.TimeZone).Date);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, schedule.TimeZone).Date);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (schedule.HoursOn(date) is not { } hours)
            {
                continue;
            }

            var open = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(hours.Start), schedule.TimeZone));
            var close = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(hours.End), schedule.TimeZone));
            var start = open > from ? open : from;
            var end = close < to ? close : to;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }
}
