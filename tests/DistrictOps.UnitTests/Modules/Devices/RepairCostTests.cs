using DistrictOps.Web.Modules.Devices.RepairDevices;

namespace DistrictOps.UnitTests.Modules.Devices;

public sealed class RepairCostTests
{
    [Fact]
    public void The_total_is_parts_at_their_unit_cost_plus_labor_plus_the_vendor()
    {
        var parts = RepairCost.PartsCents([(2, 4_250), (1, 12_900)]);

        Assert.Equal(21_400, parts);
        Assert.Equal(21_400 + 3_000 + 15_000, RepairCost.TotalCents(parts, laborCents: 3_000, vendorCents: 15_000));
        Assert.Equal(0, RepairCost.PartsCents([]));
    }

    [Fact]
    public void Turnaround_is_null_while_open_and_days_to_a_tenth_once_closed()
    {
        var opened = new DateTimeOffset(2026, 10, 5, 15, 30, 0, TimeSpan.Zero);

        Assert.Null(RepairCost.TurnaroundDays(opened, null));
        Assert.Equal(2.0m, RepairCost.TurnaroundDays(opened, opened.AddDays(2)));
        Assert.Equal(0.3m, RepairCost.TurnaroundDays(opened, opened.AddHours(7)));
    }
}
