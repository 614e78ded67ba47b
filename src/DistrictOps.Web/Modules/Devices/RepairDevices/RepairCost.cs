namespace DistrictOps.Web.Modules.Devices.RepairDevices;

/// <summary>What a repair cost and how long it took: parts at the cost when they were used, labor and the vendor's bill.</summary>
public static class RepairCost
{
    public static long PartsCents(IEnumerable<(int Quantity, long UnitCostCents)> parts) => parts.Sum(p => p.Quantity * p.UnitCostCents);

    public static long TotalCents(long partsCents, long laborCents, long vendorCents) => partsCents + laborCents + vendorCents;

    /// <summary>Days from opening to closing, to a tenth of a day; null while the repair is open.</summary>
    public static decimal? TurnaroundDays(DateTimeOffset opened, DateTimeOffset? closed) =>
        closed is not { } end ? null : end <= opened ? 0m : decimal.Round((decimal)(end - opened).TotalHours / 24m, 1);
}
