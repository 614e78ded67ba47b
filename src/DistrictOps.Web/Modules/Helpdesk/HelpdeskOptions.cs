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

    /// <summary>The service-level clock, ladder and breaching-soon queue.</summary>
    public ServiceLevelOptions ServiceLevels { get; set; } = new();
}

/// <summary>The <c>Helpdesk:ServiceLevels</c> configuration section.</summary>
public sealed class ServiceLevelOptions
{
    /// <summary>On a resolution breach, move the ticket to its team's next tier as Escalate does.</summary>
    public bool AutoEscalateOnBreach { get; set; }

    /// <summary>The "Breaching soon" queue lists open tickets due within this many minutes, and those already breached.</summary>
    public int BreachingSoonMinutes { get; set; } = 120;

    /// <summary>Tickets the service-level job recomputes per database round trip.</summary>
    public int BatchSize { get; set; } = 200;
}
