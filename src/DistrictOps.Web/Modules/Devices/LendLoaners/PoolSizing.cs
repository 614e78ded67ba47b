namespace DistrictOps.Web.Modules.Devices.LendLoaners;

/// <summary>A site's recommended loaner pool with the inputs it was computed from, shown beside the figure.</summary>
public sealed record PoolSize(int DamagedIncidents, int RepairsOpened, decimal FailuresPerSchoolDay, decimal RepairDays, int ClosedRepairs, int Recommended)
{
    public int Failures => DamagedIncidents + RepairsOpened;

    /// <summary>No repair at the site closed in the last year, so the repair days are the default.</summary>
    public bool RepairDaysAssumed => ClosedRepairs == 0;
}

/// <summary>
/// Spares per site ≈ failures per school day × repair days × 1.3 (the domain notes), rounded up. Failures are the last
/// year's damaged incidents and repairs opened, spread over the 180 days of a school year; repair days are the median
/// turnaround of the site's repairs closed in the last year, or five days when none has closed yet.
/// </summary>
public static class PoolSizing
{
    public const int SchoolDays = 180;
    public const decimal DefaultRepairDays = 5m;
    public const decimal Margin = 1.3m;

    /// <summary>The recommendation; <paramref name="turnaroundDays"/> are the closed repairs' days from open to close.</summary>
    public static PoolSize Recommend(int damagedIncidents, int repairsOpened, IReadOnlyCollection<decimal> turnaroundDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(damagedIncidents);
        ArgumentOutOfRangeException.ThrowIfNegative(repairsOpened);
        var failures = damagedIncidents + repairsOpened;
        var repairDays = turnaroundDays.Count == 0 ? DefaultRepairDays : Median(turnaroundDays);
        // Multiplied before dividing, in decimal, so that an exact whole number is not rounded up to the next one.
        var recommended = (int)Math.Ceiling(failures * repairDays * Margin / SchoolDays);
        return new(damagedIncidents, repairsOpened, decimal.Round(failures / (decimal)SchoolDays, 3), repairDays, turnaroundDays.Count, recommended);
    }

    public static decimal Median(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Days from a repair's opening to its closing, to a tenth of a day.</summary>
    public static decimal TurnaroundDays(DateTimeOffset opened, DateTimeOffset closed) =>
        closed <= opened ? 0m : decimal.Round((decimal)(closed - opened).TotalHours / 24m, 1);

    /// <summary>
    /// The share of the pool's device-days that were out on loan over the last <paramref name="days"/> days: each loan
    /// counts the part of it inside the window, an open loan up to now; a pool without devices is not used at all.
    /// </summary>
    public static decimal Utilization(IEnumerable<(DateTimeOffset OutAt, DateTimeOffset? InAt)> loans, int poolDevices, DateTimeOffset now, int days = 90)
    {
        if (poolDevices <= 0)
        {
            return 0m;
        }

        var since = now.AddDays(-days);
        var outDays = loans.Sum(loan =>
        {
            var start = loan.OutAt > since ? loan.OutAt : since;
            var end = loan.InAt is { } back && back < now ? back : now;
            return end > start ? (end - start).TotalDays : 0d;
        });
        return Math.Min(1m, decimal.Round((decimal)outDays / (poolDevices * days), 3));
    }
}
