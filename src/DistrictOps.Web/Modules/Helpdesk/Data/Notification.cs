namespace DistrictOps.Web.Modules.Helpdesk.Data;

/// <summary>An in-app notification for a user about a ticket.</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public Guid UserId { get; set; }

    public long TicketId { get; set; }

    public required string Kind { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset At { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
