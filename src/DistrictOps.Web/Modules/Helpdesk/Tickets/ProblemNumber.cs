namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>How people write a problem's key: PRB-000012.</summary>
public static class ProblemNumber
{
    public static string Format(long id) => TicketNumber.Format("PRB", id);

    public static long? Parse(string? text) => TicketNumber.Parse(text, "PRB");
}
