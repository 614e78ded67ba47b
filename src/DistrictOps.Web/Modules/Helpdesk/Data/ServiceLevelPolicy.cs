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
public sealed class ServiceLevelPolicy : ITicketConditions
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }

    public int Order { get; set; }

    public required string Name { get; set; }

    public bool Enabled { get; set; } = true;

    public string? SiteIds { get; set; }

    public string? SiteTypes { get; set; }

    public string? IssueTypeIds { get; set; }

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
public sealed class ServiceLevelTarget
{
    public int PolicyId { get; set; }

    /// <summary>1 Critical … 5 Planning.</summary>
    public int Priority { get; set; }

    public int FirstResponseMinutes { get; set; }

    public int ResolutionMinutes { get; set; }
}
