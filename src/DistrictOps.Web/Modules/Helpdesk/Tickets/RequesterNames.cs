namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>
/// The one rule for a ticket's copy of its requester's name, on every path that shows it (ticket, queues, emails,
/// notifications, timeline): a student's or guardian's name only to a viewer the Directory's student rule allows at the
/// ticket's site. Text written for nobody in particular — an email, a timeline entry — never carries it, since such
/// text is read without the rule and without an access-log row; whoever may see the name finds it on the ticket.
/// </summary>
public static class RequesterNames
{
    public const string Hidden = "A student or family member";

    public static bool IsFamily(string? requesterRole) => requesterRole is "student" or "guardian";

    /// <summary><paramref name="name"/> as <paramref name="viewer"/> may see it; with no viewer, as anyone may.</summary>
    public static string Shown(string name, string? requesterRole, Guid siteId, Viewer? viewer) =>
        IsFamily(requesterRole) && viewer?.ShowsFamilyAt?.Invoke(siteId) != true ? Hidden : name;

    public static string Shown(Data.Ticket ticket, Viewer? viewer) => Shown(ticket.RequesterName, ticket.RequesterRole, ticket.SiteId, viewer);
}
