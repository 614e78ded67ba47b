namespace DistrictOps.Web.Modules.Helpdesk.Data;

/// <summary>
/// The ticket an automation opened under a key ("accounts.sync:K12:2026-12-07"): the same key again finds this ticket
/// instead of opening another, so a job that runs twice opens one ticket.
/// </summary>
public sealed class AutomationTicket
{
    public const int KeyMaxLength = 200;

    public required string Key { get; set; }

    public long TicketId { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
}
