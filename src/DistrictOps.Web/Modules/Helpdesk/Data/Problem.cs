namespace DistrictOps.Web.Modules.Helpdesk.Data;

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
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 8_000;

    public long Id { get; set; }

    public required string Title { get; set; }

    public string? RootCause { get; set; }

    public string? Workaround { get; set; }

    public ProblemStatus Status { get; set; }

    /// <summary>The cluster it was opened from, when it was: issue type, device model and site.</summary>
    public int? IssueTypeId { get; set; }

    public string? DeviceModel { get; set; }

    public Guid? SiteId { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public required string CreatedByName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}
