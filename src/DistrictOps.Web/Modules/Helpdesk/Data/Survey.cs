namespace DistrictOps.Web.Modules.Helpdesk.Data;

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
    public const int CommentMaxLength = 2_000;

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

    public int IssueTypeId { get; set; }
}
