using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.Web.Modules.Helpdesk.Notify;

/// <summary>
/// Tells people what happened to a ticket, in the caller's unit of work so nothing is announced
/// that was rolled back: an in-app notification for users of DistrictOps.
/// </summary>
public sealed class TicketNotifier(AppDbContext db, TimeProvider clock)
{
    public Task CreatedAsync(Ticket ticket, string number, CancellationToken cancellationToken = default)
    {
        Notify(ticket.RequesterUserId, ticket, "created", $"{number} was received: {ticket.Title}");
        return Task.CompletedTask;
    }

    public Task AssignedAsync(Ticket ticket, string number, Guid? byUserId, CancellationToken cancellationToken = default)
    {
        if (ticket.AssigneeUserId != byUserId)
        {
            Notify(ticket.AssigneeUserId, ticket, "assigned", $"{number} was assigned to you: {ticket.Title}");
        }

        return Task.CompletedTask;
    }

    public Task PublicReplyAsync(Ticket ticket, string number, Guid? byUserId, string body, CancellationToken cancellationToken = default)
    {
        var to = byUserId == ticket.RequesterUserId ? ticket.AssigneeUserId : ticket.RequesterUserId;
        if (to != byUserId)
        {
            Notify(to, ticket, "reply", $"New reply on {number}: {Excerpt(body)}");
        }

        return Task.CompletedTask;
    }

    public Task SolvedAsync(Ticket ticket, string number, CancellationToken cancellationToken = default)
    {
        Notify(ticket.RequesterUserId, ticket, "solved", $"{number} was solved: {ticket.Title}");
        return Task.CompletedTask;
    }

    private void Notify(Guid? userId, Ticket ticket, string kind, string text)
    {
        if (userId is { } id)
        {
            db.Set<Notification>().Add(new Notification { UserId = id, TicketId = ticket.Id, Kind = kind, Text = Excerpt(text, 500), At = clock.GetUtcNow() });
        }
    }

    private static string Excerpt(string text, int length = 140) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
