using DistrictOps.Web.Modules.Helpdesk.Data;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>How a status reads to the person who asked: the English text, which the localizer translates.</summary>
public static class StatusText
{
    public static string For(string status) => status switch
    {
        nameof(TicketStatus.New) => "Received",
        nameof(TicketStatus.Open) => "Being worked on",
        nameof(TicketStatus.Pending) => "Waiting for your answer",
        nameof(TicketStatus.OnHold) => "On hold",
        nameof(TicketStatus.Solved) => "Solved",
        nameof(TicketStatus.Closed) => "Closed",
        _ => status,
    };
}
