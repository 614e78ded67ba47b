using System.Security.Claims;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;

namespace DistrictOps.Web.Modules.Helpdesk;

/// <summary>The help desk's side of <see cref="ITicketNotes"/>: the ticket as the technician sees it, and the note written by <see cref="CommentHandler"/>.</summary>
internal sealed class TicketNotes(ViewerFactory viewers, TicketFinder finder, CommentHandler comments) : ITicketNotes
{
    public async Task<Result<NotedTicket>> FindAsync(string number, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.ForAsync(user, cancellationToken);
        if (TicketNumber.Parse(number, finder.Prefix) is not { } id || await finder.FindAsync(id, viewer, cancellationToken) is not { } ticket)
        {
            return Result.NotFound($"There is no ticket {number?.Trim()} you can see.");
        }

        if (!viewer.CanWork(ticket))
        {
            return TicketFinder.Forbidden("Only technicians can write notes on a ticket.");
        }

        if (finder.ReadOnly(ticket) is { } merged)
        {
            return merged;
        }

        return ticket.Status == TicketStatus.Closed
            ? Result.Conflict($"{finder.Number(ticket)} is closed; open a new ticket and mention its number.")
            : new NotedTicket(finder.Number(ticket), ticket.Title, ticket.RequesterPersonId);
    }

    public async Task<Result<NotedTicket>> AddInternalNoteAsync(string number, string body, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(number, user, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var id = TicketNumber.Parse(found.Value.Number, finder.Prefix)!.Value;
        var noted = await comments.HandleAsync(id, new CommentCommand(body, IsPublic: false), await viewers.ForAsync(user, cancellationToken), cancellationToken);
        return noted.Succeeded ? found.Value : noted.Failure;
    }
}
