using DistrictOps.Web.Modules.Devices.LendLoaners;

namespace DistrictOps.UnitTests.Modules.Devices;

public sealed class PoolSizingTests
{
    [Fact]
    public void Failures_per_school_day_times_the_median_repair_days_times_1_3_is_rounded_up()
    {
        // 30 damaged + 6 repairs = 36 failures ÷ 180 = 0.2 a day; median of 2, 4, 9 = 4 days; 0.2 × 4 × 1.3 = 1.04 → 2.
        var size = PoolSizing.Recommend(30, 6, [9m, 2m, 4m]);

        Assert.Equal((36, 0.2m, 4m, 3, false, 2), (size.Failures, size.FailuresPerSchoolDay, size.RepairDays, size.ClosedRepairs, size.RepairDaysAssumed, size.Recommended));
    }

    [Fact]
    public void Without_a_closed_repair_the_repair_days_are_five()
    {
        var size = PoolSizing.Recommend(18, 0, []);

        // 18 ÷ 180 = 0.1 a day × 5 days × 1.3 = 0.65 → 1.
        Assert.Equal((5m, true, 1), (size.RepairDays, size.RepairDaysAssumed, size.Recommended));
    }

    [Theory]
    [InlineData(180, 10, 13)] // exactly 13: not rounded up to 14 by floating point
    [InlineData(0, 10, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(360, 5, 13)] // 2 × 5 × 1.3 = 13
    [InlineData(361, 5, 14)]
    public void An_exact_whole_number_stays_and_anything_above_it_rounds_up(int failures, int repairDays, int expected)
    {
        Assert.Equal(expected, PoolSizing.Recommend(failures, 0, [repairDays]).Recommended);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(3.5m, PoolSizing.Median([7m, 1m, 3m, 4m]));
        Assert.Equal(2m, PoolSizing.Median([2m]));
        Assert.Throws<ArgumentException>(() => PoolSizing.Median([]));
    }

    [Fact]
    public void Turnaround_is_days_from_open_to_close_to_a_tenth()
    {
        var opened = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal(3.5m, PoolSizing.TurnaroundDays(opened, opened.AddHours(84)));
        Assert.Equal(0m, PoolSizing.TurnaroundDays(opened, opened.AddHours(-1)));
    }

    [Fact]
    public void Utilization_counts_the_days_each_loan_was_out_inside_the_window_over_the_pool_days()
    {
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        (DateTimeOffset, DateTimeOffset?)[] loans =
        [
            (now.AddDays(-100), now.AddDays(-80)), // 10 of its days inside the 90-day window
            (now.AddDays(-30), null),              // still out: 30 days
            (now.AddDays(-200), now.AddDays(-150)), // before the window: none
        ];

        // 40 device-days out of 2 devices × 90 days.
        Assert.Equal(0.222m, PoolSizing.Utilization(loans, poolDevices: 2, now));
        Assert.Equal(0m, PoolSizing.Utilization(loans, poolDevices: 0, now));
        Assert.Equal(1m, PoolSizing.Utilization([(now.AddDays(-200), null), (now.AddDays(-200), null)], poolDevices: 1, now));
    }
}
