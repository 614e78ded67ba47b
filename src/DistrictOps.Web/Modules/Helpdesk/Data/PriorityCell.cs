namespace DistrictOps.Web.Modules.Helpdesk.Data;

/// <summary>One cell of the impact × urgency matrix.</summary>
public sealed class PriorityCell
{
    public TicketImpact Impact { get; set; }

    public TicketUrgency Urgency { get; set; }

    public int Priority { get; set; }
}
