namespace DistrictOps.Web.Modules.Helpdesk.Data;

public enum TicketStatus
{
    New,
    Open,
    Pending,
    OnHold,
    Solved,
    Closed,
}

public enum TicketChannel
{
    Web,
    Phone,
    WalkIn,
    Email,
    DirectToTechnician,
}

/// <summary>Who is affected: one person, a class, a site, the district.</summary>
public enum TicketImpact
{
    Person,
    Class,
    Site,
    District,
}

public enum TicketUrgency
{
    Low,
    Medium,
    High,
}

/// <summary>
/// A request for help, numbered for people (<c>BV-000123</c>): the number is the key.
/// Requester, site and assignee are other modules' ids; their names are copied so queues
/// list a million tickets without joining across modules.
/// </summary>
public sealed class Ticket
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 20_000;
    public const int NameMaxLength = 255;
    public const int RoomMaxLength = 64;
    public const int AssetTagMaxLength = 64;
    public const int TagsMaxLength = 512;
    public const int DeviceModelMaxLength = 100;

    public long Id { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    public Guid? RequesterPersonId { get; set; }

    public Guid? RequesterUserId { get; set; }

    public required string RequesterName { get; set; }

    public string? RequesterEmail { get; set; }

    /// <summary>The directory role of the requester (teacher, administrator, …), for routing.</summary>
    public string? RequesterRole { get; set; }

    /// <summary>Who entered it, when that is not the requester (phone, walk-in, direct to technician).</summary>
    public Guid? SubmittedByUserId { get; set; }

    public string? SubmittedByName { get; set; }

    public Guid SiteId { get; set; }

    public string? Room { get; set; }

    public int IssueTypeId { get; set; }

    public TicketImpact Impact { get; set; }

    public TicketUrgency Urgency { get; set; }

    /// <summary>1 Critical … 5 Planning.</summary>
    public int Priority { get; set; }

    public bool InstructionDisrupted { get; set; }

    public TicketStatus Status { get; set; }

    public TicketChannel Channel { get; set; }

    public int? TeamId { get; set; }

    public Guid? AssigneeUserId { get; set; }

    public string? AssigneeName { get; set; }

    public string? AssetTag { get; set; }

    /// <summary>Space-separated, lower case.</summary>
    public string Tags { get; set; } = "";

    public long? MergedIntoId { get; set; }

    public int MinutesSpent { get; set; }

    public int ReopenCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FirstResponseAt { get; set; }

    public DateTimeOffset? SolvedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the status last changed (creation counts): how long a ticket has waited on the requester.</summary>
    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>When the requester was reminded of a pending ticket; cleared when the status changes.</summary>
    public DateTimeOffset? PendingReminderSentAt { get; set; }

    /// <summary>The device's model, free text until the Devices module links tickets to devices; recurring issues group by it.</summary>
    public string? DeviceModel { get; set; }

    /// <summary>When a working device or a loaner got instruction going again (meets the restore-instruction target).</summary>
    public DateTimeOffset? InstructionRestoredAt { get; set; }

    /// <summary>The problem record this ticket is one occurrence of.</summary>
    public long? ProblemId { get; set; }

    // The service level as last computed from the ticket's policy, its site's calendar and its status history.
    // Deadlines are null while the clock is paused or once the target is met; a status move or a calendar edit
    // recomputes them. Minutes are counted school time, pauses excluded.

    public int? ServiceLevelPolicyId { get; set; }

    public DateTimeOffset? ResponseDueAt { get; set; }

    public DateTimeOffset? ResolutionDueAt { get; set; }

    /// <summary>Only for tickets flagged instruction-disrupted: a working device or a loaner by then.</summary>
    public DateTimeOffset? RestoreDueAt { get; set; }

    /// <summary>Since when the clock is paused (Pending, or On hold where the policy says so).</summary>
    public DateTimeOffset? ServiceLevelPausedSince { get; set; }

    public bool ResponseBreached { get; set; }

    public bool ResolutionBreached { get; set; }

    public bool RestoreBreached { get; set; }

    /// <summary>Counted school minutes from creation to the first public reply, pauses excluded.</summary>
    public int? ResponseMinutes { get; set; }

    /// <summary>Counted school minutes from creation to the last solve, pauses excluded.</summary>
    public int? ResolutionMinutes { get; set; }

    /// <summary>Solved by the first technician to take it: no escalation, no reassignment, no waiting on the requester.</summary>
    public bool? FirstContactResolution { get; set; }

    /// <summary>Escalation-ladder steps already notified.</summary>
    public ServiceLevelAlerts ServiceLevelAlertsSent { get; set; }

    /// <summary>When the service-level job must look at this ticket again: the next ladder step or deadline, or now after a calendar edit.</summary>
    public DateTimeOffset? ServiceLevelCheckAt { get; set; }

    public bool IsOpen => Status is not (TicketStatus.Solved or TicketStatus.Closed);

    /// <summary>
    /// The statuses of <see cref="IsOpen"/> named, for queries: SQLite plans without statistics, so "one of these four" finds
    /// the status index where "not solved or closed" (nearly every ticket) would not (ADR 0036).
    /// </summary>
    public static readonly TicketStatus[] OpenStatuses = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold];
}

public enum TicketEventKind
{
    Created,
    StatusChanged,
    Assigned,
    FieldsChanged,
    RuleApplied,
    PublicReply,
    InternalNote,
    Escalated,
    Merged,
    Attachment,
    TimeSpent,
    Notified,
    InstructionRestored,
    ServiceLevel,
    Automation,
    Survey,
    ProblemLinked,
}

/// <summary>One line of a ticket's timeline. Status changes carry from/to, which service levels read.</summary>
public sealed class TicketEvent
{
    public const int BodyMaxLength = 20_000;

    public long Id { get; set; }

    public long TicketId { get; set; }

    public DateTimeOffset At { get; set; }

    public TicketEventKind Kind { get; set; }

    public Guid? ActorUserId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>Shown to the requester in the portal; internal notes, rules and assignments are not.</summary>
    public bool IsPublic { get; set; }

    public string? Body { get; set; }

    public TicketStatus? FromStatus { get; set; }

    public TicketStatus? ToStatus { get; set; }

    public int? Minutes { get; set; }
}

/// <summary>A file on a ticket, kept in the database; the type is the one detected from its content.</summary>
public sealed class TicketAttachment
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public long? EventId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required byte[] Content { get; set; }

    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public Guid? UploadedByUserId { get; set; }
}

/// <summary>The ladder: 50% (assignee), 75% (assignee and team lead), 100% (breach: lead and IT manager), per target.</summary>
[Flags]
public enum ServiceLevelAlerts
{
    None = 0,
    Response50 = 1,
    Response75 = 2,
    ResponseBreach = 4,
    Resolution50 = 8,
    Resolution75 = 16,
    ResolutionBreach = 32,
    Restore50 = 64,
    Restore75 = 128,
    RestoreBreach = 256,
}
