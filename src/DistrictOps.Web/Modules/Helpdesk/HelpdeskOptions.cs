namespace DistrictOps.Web.Modules.Helpdesk;

/// <summary>The <c>Helpdesk</c> configuration section.</summary>
public sealed class HelpdeskOptions
{
    public const string Section = "Helpdesk";

    /// <summary>Letters before a ticket's number: BV-000123.</summary>
    public string NumberPrefix { get; set; } = "BV";

    /// <summary>A requester may reopen a solved ticket within this many days of it being solved.</summary>
    public int ReopenWindowDays { get; set; } = 14;

    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Site staff see their sites' tickets, not only their own.</summary>
    public bool SiteStaffSeeSiteTickets { get; set; }

    /// <summary>Ticket lists count at most this many matches ("10,000+"): an exact count of a million closed tickets costs seconds and helps nobody.</summary>
    public int ListCountCap { get; set; } = 10_000;

    /// <summary>Where links in emails point: the public address of this installation.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public RecurringIssueOptions RecurringIssues { get; set; } = new();
}

/// <summary>The <c>Helpdesk:RecurringIssues</c> section: how the top recurring issues report groups tickets by default.</summary>
public sealed class RecurringIssueOptions
{
    /// <summary>The report's period when no dates are given: this many weeks up to today.</summary>
    public int Weeks { get; set; } = 4;

    /// <summary>A cluster needs at least this many tickets in the period to be listed.</summary>
    public int MinimumTickets { get; set; } = 3;
}
