using System.Security.Claims;
using DistrictOps.Web.Platform;

namespace DistrictOps.Web.Modules.Helpdesk.Contracts;

/// <summary>A ticket another module records its work on: its number, title and requester's Directory person when known.</summary>
public sealed record NotedTicket(string Number, string Title, Guid? RequesterPersonId);

/// <summary>
/// Internal notes another module writes on a ticket as the technician who did the work there (the Accounts module's
/// password resets): only on a ticket the technician may work, by the composer's own rules, so never on a closed or merged
/// ticket, never emailed, seen only by technicians.
/// </summary>
public interface ITicketNotes
{
    /// <summary>
    /// The ticket when <paramref name="user"/> may write a note on it: NotFound when there is none they can see, Forbidden
    /// when they do not work tickets, Conflict when it is closed or merged into another.
    /// </summary>
    Task<Result<NotedTicket>> FindAsync(string number, ClaimsPrincipal user, CancellationToken cancellationToken = default);

    /// <summary>Adds an internal note by <paramref name="user"/>; the same refusals as <see cref="FindAsync"/>, Invalid when the text is too long.</summary>
    Task<Result<NotedTicket>> AddInternalNoteAsync(string number, string body, ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
