namespace DistrictOps.Web.Modules.Helpdesk.Data;

/// <summary>Which report a stored day's counts belong to; the meaning of each count is the report's (ADR 0038).</summary>
public enum ReportFamily
{
    Backlog,
    Volume,
    Attainment,
    ResolutionRates,
    Workload,
    ResponseTimes,

    /// <summary>A whole stored month's <see cref="ResponseTimes"/> minutes added up, on the month's first day.</summary>
    ResponseTimesByMonth,
}

/// <summary>
/// One past local day's counts for one report and one group (a site, team, technician, issue type or channel), over every
/// site: for the backlog every ticket and status move of the day, for the others only the tickets solved or closed when the
/// day was stored, whose figures change only with a change that moves <see cref="Ticket.UpdatedAt"/>. Open tickets are
/// always counted live. Refilled by <c>StoredReportDays</c>; the reports add the days up (ADR 0038). Response times keep
/// their minute counts in <see cref="ReportMinutes"/>.
/// </summary>
public sealed class ReportDay
{
    public const int KeyMaxLength = 40;

    public ReportFamily Family { get; set; }

    /// <summary>The local day in the district's time zone, as days since 1970-01-01.</summary>
    public int Day { get; set; }

    /// <summary>Which of the report's groupings the key belongs to (the position of its column in the report's query).</summary>
    public int Grouping { get; set; }

    /// <summary>The group's id as text; empty for "none" (no team, unassigned) and for a report without groups.</summary>
    public string Key { get; set; } = "";

    public long Count0 { get; set; }

    public long Count1 { get; set; }

    public long Count2 { get; set; }

    public long Count3 { get; set; }

    public long Count4 { get; set; }

    public long Count5 { get; set; }

    /// <summary>A technician's name as their tickets carry it (the largest, as the live query's MAX), for reports that label by it.</summary>
    public string? Name { get; set; }
}

/// <summary>
/// One past local day's (or, for <see cref="ReportFamily.ResponseTimesByMonth"/>, one whole month's, on its first day) response
/// or resolution minutes for one group, over the tickets solved or closed when stored: how many took each number of minutes
/// (<c>MinuteCounts.Encode</c>). Apart from <see cref="ReportDay"/>, whose rows the other reports scan, since these are larger.
/// </summary>
public sealed class ReportMinutes
{
    public ReportFamily Family { get; set; } = ReportFamily.ResponseTimes;

    public int Day { get; set; }

    /// <summary>The response times' grouping (every ticket, site, team, priority), plus four for resolution.</summary>
    public int Grouping { get; set; }

    public string Key { get; set; } = "";

    public byte[] Minutes { get; set; } = [];
}

/// <summary>Which days are stored, in which time zone, and from when changed tickets have yet to be looked at (one row).</summary>
public sealed class ReportDaysState
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public string TimeZone { get; set; } = "";

    /// <summary>The first and last stored day (days since 1970-01-01), every day between them stored.</summary>
    public int FirstDay { get; set; }

    public int LastDay { get; set; }

    /// <summary>Tickets updated from this instant on may have changed stored days and are looked at by the next refresh.</summary>
    public DateTimeOffset CheckedFrom { get; set; }
}
