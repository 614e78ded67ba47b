namespace DistrictOps.Web.Modules.Helpdesk.Contracts;

/// <summary>
/// One group's help desk figures for a window [from, to): tickets opened and resolved in it, the backlog (open or pending)
/// at its end, the median resolution time in counted school minutes (the service-level clock's: the site's school hours on
/// instructional days, pauses excluded) of the tickets resolved in it, how many of those had a resolve target and met it,
/// and the satisfaction surveys answered for them and rated good.
/// </summary>
public sealed record WorkloadCounts(
    int Opened, int Resolved, int Backlog, double? MedianResolutionSchoolMinutes, int ResolvedWithTarget, int MetTarget, int SurveysAnswered, int SurveysGood)
{
    public static readonly WorkloadCounts None = new(0, 0, 0, null, 0, 0, 0, 0);

    /// <summary>Percent of resolved tickets with a resolve target that met it; null when none had one.</summary>
    public double? AttainmentPercent => ResolvedWithTarget == 0 ? null : Math.Round(100.0 * MetTarget / ResolvedWithTarget, 1);

    /// <summary>Percent of answered surveys rated good (the survey asks good or bad, so this is also its average score); null when none was answered.</summary>
    public double? SatisfiedPercent => SurveysAnswered == 0 ? null : Math.Round(100.0 * SurveysGood / SurveysAnswered, 1);
}

/// <summary>The window's figures for the district, per site id and per assigned technician (the Directory person id of the assignee's account).</summary>
public sealed record HelpdeskWorkload(
    DateTimeOffset From, DateTimeOffset To, WorkloadCounts District, IReadOnlyDictionary<Guid, WorkloadCounts> PerSite, IReadOnlyDictionary<Guid, WorkloadCounts> PerTechnician);

/// <summary>The help desk's workload for staffing: counts over the tickets and surveys, grouped in the database but for the window's solved tickets, read from an index for exact medians.</summary>
public interface IHelpdeskWorkload
{
    /// <summary>
    /// Figures for [<paramref name="windowStart"/>, <paramref name="windowEnd"/>). Tickets assigned to an account with no Directory person
    /// count for the district and their site, not for a technician. The backlog at <paramref name="windowEnd"/> is read from each
    /// ticket's status and last solve: a ticket solved before <paramref name="windowEnd"/> and reopened after it counts as open.
    /// </summary>
    Task<HelpdeskWorkload> ForWindowAsync(DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken = default);
}
