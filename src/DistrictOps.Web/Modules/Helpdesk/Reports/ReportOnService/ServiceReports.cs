namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;


/// <summary>Unsolved tickets at the end of each local day: new, open and on hold count as open; pending apart.</summary>
public sealed record BacklogReport(ReportRange Range, IReadOnlyList<BacklogDay> Days);

public sealed record BacklogDay(DateOnly Date, int Open, int Pending, int Total);

/// <summary>Tickets opened each local day, by channel.</summary>
public sealed record VolumeReport(ReportRange Range, IReadOnlyList<VolumeDay> Days, VolumeDay Totals);

public sealed record VolumeDay(DateOnly? Date, int Web, int Phone, int WalkIn, int Email, int DirectToTechnician)
{
    public int Total => Web + Phone + WalkIn + Email + DirectToTechnician;
}

/// <summary>
/// First response (tickets opened in the range that were answered) and resolution (tickets solved in the range), in counted
/// school minutes: median and 90th percentile, overall and per site, team and priority.
/// </summary>
public sealed record ResponseTimesReport(ReportRange Range, TimeRow Overall, IReadOnlyList<TimeRow> BySite, IReadOnlyList<TimeRow> ByTeam, IReadOnlyList<TimeRow> ByPriority);

public sealed record TimeRow(string Key, string Label, TimeFigures Response, TimeFigures Resolution);

/// <summary>Counted school minutes; null when no ticket counts.</summary>
public sealed record TimeFigures(int Count, double? Median, double? P90);

/// <summary>Share of service-level targets met (not breached), for response and resolution, overall and per site, team, technician and issue type.</summary>
public sealed record AttainmentReport(
    ReportRange Range, AttainmentRow Overall, IReadOnlyList<AttainmentRow> BySite, IReadOnlyList<AttainmentRow> ByTeam,
    IReadOnlyList<AttainmentRow> ByTechnician, IReadOnlyList<AttainmentRow> ByIssueType);

public sealed record AttainmentRow(string Key, string Label, Share Response, Share Resolution);

/// <summary><paramref name="Count"/> of <paramref name="Of"/>, and the percentage to one decimal (null of none).</summary>
public sealed record Share(int Count, int Of)
{
    public double? Percent => Of == 0 ? null : Math.Round(100.0 * Count / Of, 1, MidpointRounding.AwayFromZero);
}

/// <summary>Same-day and first-contact resolution, bypass (direct to a technician) and reopen rates, overall and per site.</summary>
public sealed record ResolutionRatesReport(ReportRange Range, RateRow Overall, IReadOnlyList<RateRow> BySite);

public sealed record RateRow(string Key, string Label, int Opened, Share SameDay, Share FirstContact, Share Bypass, Share Reopened);

/// <summary>Tickets per technician (assigned among those opened in the range, solved in the range) and per 100 devices per site.</summary>
public sealed record WorkloadReport(ReportRange Range, IReadOnlyList<TechnicianLoad> Technicians, IReadOnlyList<SiteLoad> Sites, string DeviceCountSource);

public sealed record TechnicianLoad(Guid UserId, string Name, int Assigned, int Solved);

public sealed record SiteLoad(Guid SiteId, string Name, int Opened, int Devices, double? PerHundredDevices);

/// <summary>The index page's headline numbers over the same range.</summary>
/// <summary>The range's headline figures; <see cref="Deflected"/> counts requests an article answered against them and the web form's tickets.</summary>
public sealed record ReportHeadlines(
    ReportRange Range, int BacklogNow, int Opened, double? MedianResponse, double? MedianResolution, Share ResponseMet, Share ResolutionMet, Share SameDay, Share FirstContact, Share Deflected);

public static class Percentiles
{
    /// <summary>The continuous percentile of sorted values, as PostgreSQL's <c>percentile_cont</c> computes it (linear between the two nearest ranks).</summary>
    public static double? Continuous(IReadOnlyList<int> sorted, double fraction) => Interpolate(sorted.Count, rank => sorted[(int)rank], fraction);

    /// <summary><see cref="Continuous"/> of values given as (value, how many) pairs in ascending value order.</summary>
    public static double? OfCounts(IReadOnlyList<(int Value, long Count)> histogram, double fraction)
    {
        int At(long rank)
        {
            foreach (var (value, count) in histogram)
            {
                if (rank < count)
                {
                    return value;
                }

                rank -= count;
            }

            throw new ArgumentOutOfRangeException(nameof(rank));
        }

        return Interpolate(histogram.Sum(h => h.Count), At, fraction);
    }

    /// <summary>Between the values at the two ranks nearest <paramref name="fraction"/> of <paramref name="count"/> sorted values, to one decimal.</summary>
    private static double? Interpolate(long count, Func<long, int> valueAt, double fraction)
    {
        if (count == 0)
        {
            return null;
        }

        var position = fraction * (count - 1);
        var lower = (long)Math.Floor(position);
        var (low, high) = (valueAt(lower), valueAt((long)Math.Ceiling(position)));
        return Math.Round(low + ((high - low) * (position - lower)), 1, MidpointRounding.AwayFromZero);
    }
}
