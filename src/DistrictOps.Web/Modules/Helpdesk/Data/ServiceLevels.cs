namespace DistrictOps.Web.Modules.Helpdesk.Data;

/// <summary>What the service-level clock counts: the site's school hours on instructional days, or every hour.</summary>
public enum ServiceHours
{
    SchoolTime,
    AroundTheClock,
}

/// <summary>
/// An ordered service-level policy: the first enabled policy whose conditions match a ticket sets its targets.
/// Conditions read like a routing rule's (empty matches anything; lists are comma-separated).
/// </summary>
public sealed class SlaPolicy : ITicketConditions
{
    public int Id { get; set; }

    public int Order { get; set; }

    public required string Name { get; set; }

    public bool Enabled { get; set; } = true;

    public string? SiteIds { get; set; }

    public string? SiteTypes { get; set; }

    public string? CategoryIds { get; set; }

    public string? RequesterRoles { get; set; }

    public string? Channels { get; set; }

    public string? Priorities { get; set; }

    public ServiceHours Hours { get; set; }

    /// <summary>On hold (waiting on a vendor or a part) pauses the clock like Pending does.</summary>
    public bool PauseOnHold { get; set; } = true;

    /// <summary>For tickets flagged instruction-disrupted: counted minutes to a working device or a loaner; null for no target.</summary>
    public int? RestoreInstructionMinutes { get; set; }
}

/// <summary>A policy's targets for one priority, in counted minutes.</summary>
public sealed class SlaTarget
{
    public int PolicyId { get; set; }

    /// <summary>1 Critical … 5 Planning.</summary>
    public int Priority { get; set; }

    public int FirstResponseMinutes { get; set; }

    public int ResolutionMinutes { get; set; }
}

public enum ProblemStatus
{
    Open,
    KnownError,
    Resolved,
    Closed,
}

/// <summary>The cause behind recurring tickets (ITIL problem management): its tickets link to it by <see cref="Ticket.ProblemId"/>.</summary>
public sealed class Problem
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public string? RootCause { get; set; }

    public string? Workaround { get; set; }

    public ProblemStatus Status { get; set; }

    /// <summary>The cluster it was opened from, when it was: issue type, device model and site.</summary>
    public int? CategoryId { get; set; }

    public string? DeviceModel { get; set; }

    public Guid? SiteId { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public required string CreatedByName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}

public enum SurveyRating
{
    Good,
    Bad,
}

/// <summary>
/// The satisfaction survey for a solved ticket: one per ticket, created when the ticket is first solved,
/// emailed after a delay when the sample picks it, answered once through a signed link without signing in.
/// Who worked the ticket, its site, team and issue type are copied so results group without joins.
/// </summary>
public sealed class Survey
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public DateTimeOffset SolvedAt { get; set; }

    /// <summary>When it may be sent (solved + the delay); nothing is sent if the ticket was reopened meanwhile.</summary>
    public DateTimeOffset SendAfter { get; set; }

    /// <summary>False when the sampling rate left this ticket out; such a survey is never sent.</summary>
    public bool Sampled { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public SurveyRating? Rating { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public Guid? TechnicianUserId { get; set; }

    public string? TechnicianName { get; set; }

    public Guid SiteId { get; set; }

    public int? TeamId { get; set; }

    public int CategoryId { get; set; }
}
