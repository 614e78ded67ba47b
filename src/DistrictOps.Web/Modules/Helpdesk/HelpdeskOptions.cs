using System.ComponentModel.DataAnnotations;

namespace DistrictOps.Web.Modules.Helpdesk;

/// <summary>The <c>Helpdesk</c> configuration section.</summary>
public sealed class HelpdeskOptions
{
    public const string Section = "Helpdesk";

    /// <summary>Letters before a ticket's number: BV-000123.</summary>
    [Required]
    public string NumberPrefix { get; set; } = "BV";

    /// <summary>A requester may reopen a solved ticket within this many days of it being solved.</summary>
    [Range(0, 3650)]
    public int ReopenWindowDays { get; set; } = 14;

    [Range(1, long.MaxValue)]
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Site staff see their sites' tickets, not only their own.</summary>
    public bool SiteStaffSeeSiteTickets { get; set; }

    /// <summary>
    /// Ticket lists and queue tabs count at most this many matches ("1,000+"): an exact count of a million closed tickets
    /// costs seconds and helps nobody, and with 100,000 open tickets counting each queue to 10,000 cost a technician's queue
    /// 50 ms a request (bench/README).
    /// </summary>
    [Range(1, int.MaxValue)]
    public int ListCountCap { get; set; } = 1_000;

    /// <summary>
    /// The header's text search looks among the newest this many ticket numbers first, then ten times as many, and so on,
    /// until it has a page: a word in every tenth of a million tickets would otherwise collect 100,000 matches to show 50.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int SearchWindow { get; set; } = 50_000;

    public RecurringIssueOptions RecurringIssues { get; set; } = new();

    /// <summary>The scheduled automations: reminders, auto-close, Solved to Closed.</summary>
    public AutomationOptions Automations { get; set; } = new();

    /// <summary>Satisfaction surveys after a ticket is solved.</summary>
    public SurveyOptions Surveys { get; set; } = new();

    /// <summary>The service-level clock, ladder and breaching-soon queue.</summary>
    public ServiceLevelOptions ServiceLevels { get; set; } = new();
}

/// <summary>The <c>Helpdesk:RecurringIssues</c> section: how the top recurring issues report groups tickets by default.</summary>
public sealed class RecurringIssueOptions
{
    /// <summary>The report's period when no dates are given: this many weeks up to today.</summary>
    [Range(1, 520)]
    public int Weeks { get; set; } = 4;

    /// <summary>A cluster needs at least this many tickets in the period to be listed.</summary>
    [Range(1, int.MaxValue)]
    public int MinimumTickets { get; set; } = 3;
}

/// <summary>The <c>Helpdesk:Automations</c> section.</summary>
public sealed class AutomationOptions
{
    /// <summary>School days a ticket waits on the requester (Pending) before one reminder goes to them.</summary>
    [Range(1, 365)]
    public int PendingReminderSchoolDays { get; set; } = 3;

    /// <summary>School days after the reminder without a reply before the ticket is solved for them.</summary>
    [Range(1, 365)]
    public int AutoCloseSchoolDays { get; set; } = 5;

    /// <summary>Days a ticket stays Solved (the requester may still reply or reopen) before it is Closed.</summary>
    [Range(0, 365)]
    public int CloseSolvedAfterDays { get; set; } = 4;

    /// <summary>Tickets read and saved together by one step of a job, so a million tickets never sit in memory at once.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;
}

/// <summary>The <c>Helpdesk:Surveys</c> section.</summary>
public sealed class SurveyOptions
{
    /// <summary>Hours after a ticket is solved before its survey is emailed.</summary>
    [Range(0, 24 * 365)]
    public int DelayHours { get; set; } = 24;

    /// <summary>Share of solved tickets surveyed, from 0 to 1; the choice is a hash of the ticket number, so it never changes.</summary>
    [Range(0.0, 1.0)]
    public double SampleRate { get; set; } = 1.0;

    /// <summary>Days a survey link stays valid after it is sent.</summary>
    [Range(1, 3650)]
    public int LinkValidDays { get; set; } = 30;
}

/// <summary>The <c>Helpdesk:ServiceLevels</c> configuration section.</summary>
public sealed class ServiceLevelOptions
{
    /// <summary>On a resolution breach, move the ticket to its team's next tier as Escalate does.</summary>
    public bool AutoEscalateOnBreach { get; set; }

    /// <summary>The "Breaching soon" queue lists open tickets due within this many minutes and not breached yet; breached ones have their own queue.</summary>
    [Range(1, 7 * 24 * 60)]
    public int BreachingSoonMinutes { get; set; } = 120;

    /// <summary>Tickets the service-level job recomputes per database round trip.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 200;
}
