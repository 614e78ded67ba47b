using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.ForecastRefresh;
using DistrictOps.Web.Modules.Devices.Register;

namespace DistrictOps.UnitTests.Modules.Devices;

public sealed class RefreshForecastTests
{
    [Fact]
    public void Each_cohort_is_replaced_in_its_retirement_year_again_after_its_life_and_the_gap_is_what_funding_does_not_cover()
    {
        Cohort[] cohorts =
        [
            new("Tablet 2022", 2022, 8_000, 30_000, 4, Lifecycle.RetirementYear(new DateOnly(2022, 8, 1), 4, new DateOnly(2025, 6, 30), 2022)),
            new("Tablet 2026", 2026, 15_000, 35_000, 5, Lifecycle.RetirementYear(new DateOnly(2026, 8, 1), 5, null, 2026)),
        ];
        Funding[] funding = [new("Measure B bond", 2_000_000_00, 2028), new("General fund", 500_000_00, null)];

        var forecast = RefreshForecast.Compute(cohorts, funding, new ObservedRates(BreakageRate: 0.05, LossRate: 0.01, AverageRepairCents: 8_000), firstYear: 2027, years: 6);

        Assert.Equal(2025, cohorts[0].RetirementYear);
        Assert.Equal(2031, cohorts[1].RetirementYear);
        Assert.Equal([8_000, 0, 0, 0, 15_000 + 8_000, 0], forecast.Years.Select(y => y.Replacements).ToArray());
        var first = forecast.Years[0];
        Assert.Equal(8_000L * 30_000, first.ReplacementCents);
        Assert.Equal((long)Math.Round(23_000 * 0.05 * 8_000), first.BreakageCents);
        Assert.Equal((long)Math.Round(23_000 * 0.01 * ((8_000L * 30_000 + 15_000L * 35_000) / 23_000)), first.LossCents);
        Assert.Equal((2_500_000_00L, 2_500_000_00L, 500_000_00L), (forecast.Years[0].FundedCents, forecast.Years[1].FundedCents, forecast.Years[2].FundedCents));
        Assert.Equal(Math.Max(0, first.TotalCents - 2_500_000_00L), first.GapCents);
        Assert.Equal(forecast.Years.Sum(y => y.GapCents), forecast.TotalGapCents);
        Assert.Equal((30_000L / 4) + 400 + 300, forecast.Ownership.Single(o => o.Standard == "Tablet 2022").PerDevicePerYearCents);
    }

    [Fact]
    public void Only_allowed_status_moves_pass_and_a_refusal_names_the_moves_that_are()
    {
        Assert.True(DeviceStatuses.CanMove(DeviceStatus.InStock, DeviceStatus.Assigned));
        Assert.False(DeviceStatuses.CanMove(DeviceStatus.Disposed, DeviceStatus.InStock));
        Assert.False(DeviceStatuses.CanMove(DeviceStatus.Lost, DeviceStatus.Assigned));
        Assert.Equal("A device that is lost cannot become assigned; it can become in stock, retired.", DeviceStatuses.Refusal(DeviceStatus.Lost, DeviceStatus.Assigned));
        Assert.Equal("A device that is disposed cannot change status.", DeviceStatuses.Refusal(DeviceStatus.Disposed, DeviceStatus.InStock));
        Assert.Equal([DeviceStatus.Lost, DeviceStatus.Stolen, DeviceStatus.Retired, DeviceStatus.Disposed], DeviceStatuses.OutOfServiceStatuses);
        Assert.Equal(("2026-27", 2027, "2025-26"), (SchoolYear.Of(new DateOnly(2026, 7, 1)), SchoolYear.EndYear(new DateOnly(2026, 12, 6)), SchoolYear.Of(new DateOnly(2026, 6, 30))));
        Assert.Equal((34_950L, 1_000_000_00L, (long?)null, (long?)null), (Money.Parse("$349.50")!.Value, Money.Parse("1,000,000")!.Value, Money.Parse("12.345"), Money.Parse("-5")));
    }
}
