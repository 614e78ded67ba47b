using System.Globalization;
using DistrictOps.Web.Modules.Helpdesk.Data;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>Impact × urgency → priority, 1 Critical … 5 Planning.</summary>
public static class Priorities
{
    public static readonly IReadOnlyList<string> Names = ["Critical", "High", "Moderate", "Low", "Planning"];

    public static string Name(int priority) => priority is >= 1 and <= 5 ? Names[priority - 1] : priority.ToString(CultureInfo.InvariantCulture);

    public static int From(IEnumerable<PriorityCell> matrix, TicketImpact impact, TicketUrgency urgency) =>
        matrix.FirstOrDefault(c => c.Impact == impact && c.Urgency == urgency)?.Priority ?? 3;
}
