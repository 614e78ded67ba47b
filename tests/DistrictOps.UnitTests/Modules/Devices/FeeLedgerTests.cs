using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;

namespace DistrictOps.UnitTests.Modules.Devices;

public sealed class FeeLedgerTests
{
    [Fact]
    public void Charges_raise_the_balance_payments_and_waivers_lower_it_and_each_incident_keeps_its_own()
    {
        (long?, FeeEntryKind, long)[] entries =
        [
            (1, FeeEntryKind.Charge, 35_000), (2, FeeEntryKind.Charge, 8_000), (1, FeeEntryKind.Payment, 10_000),
            (1, FeeEntryKind.Waiver, 5_000), (2, FeeEntryKind.Waiver, 8_000), (null, FeeEntryKind.Charge, 999),
        ];

        var total = FeeTotals.Of(entries.Select(e => (e.Item2, e.Item3)));
        var byIncident = FeeLedger.ByIncident(entries);

        Assert.Equal((43_999L, 10_000L, 13_000L, 20_999L), (total.ChargedCents, total.PaidCents, total.WaivedCents, total.BalanceCents));
        Assert.Equal([1L, 2L], byIncident.Keys.Order());
        Assert.Equal(20_000, byIncident[1].BalanceCents);
        Assert.Equal(0, byIncident[2].BalanceCents);
        Assert.Equal(new FeeTotals(43_000, 10_000, 13_000), byIncident[1].Add(byIncident[2]));
    }

    [Theory]
    [InlineData(FeeEntryKind.Charge, 35_000, 0, null)]
    [InlineData(FeeEntryKind.Charge, 0, 0, "The amount must be more than $0.00.")]
    [InlineData(FeeEntryKind.Payment, 20_000, 20_000, null)]
    [InlineData(FeeEntryKind.Payment, 20_001, 20_000, "A payment of $200.01 is more than the $200.00 still owed on this charge.")]
    [InlineData(FeeEntryKind.Waiver, 25_000, 10_000, "A waiver of $250.00 is more than the $100.00 still owed on this charge.")]
    [InlineData(FeeEntryKind.Waiver, 100, 0, "Nothing is owed on this charge, so there is nothing to record a waiver against.")]
    [InlineData(FeeEntryKind.Waiver, 1, 1, null)]
    public void Nothing_is_paid_or_waived_beyond_what_is_still_owed_on_its_charge(FeeEntryKind kind, long amount, long open, string? expected)
    {
        Assert.Equal(expected, FeeLedger.Refusal(kind, amount, open));
    }
}
