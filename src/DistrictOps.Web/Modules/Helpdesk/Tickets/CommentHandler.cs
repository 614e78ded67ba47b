using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.Extensions.Options;
using static System.FormattableString;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>A public reply, an internal note, or time spent with or without words.</summary>
public sealed record CommentCommand(string? Body, bool IsPublic = true, int? Minutes = null);

/// <summary>
/// Replies and notes. A technician's first public reply is the first response; a requester's reply
/// to a ticket waiting on them puts it back to Open, and to a solved one reopens it within the window.
/// Requesters can only reply publicly.
/// </summary>
public sealed class CommentHandler(AppDbContext db, TicketFinder finder, TicketNotifier notifier, TimeProvider clock, IOptions<HelpdeskOptions> options)
{
    public async Task<Result<TicketChanged>> HandleAsync(long id, CommentCommand command, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var ticket = await finder.FindAsync(id, viewer, cancellationToken);
        if (ticket is null)
        {
            return TicketFinder.Missing(id);
        }

        if (finder.ReadOnly(ticket) is { } merged)
        {
            return merged;
        }

        var body = command.Body?.Trim() ?? "";
        var works = viewer.CanWork(ticket);
        if (body.Length == 0 && (command.Minutes is null || !works))
        {
            return Result.Invalid(nameof(command.Body), "Write a reply or a note.");
        }

        if (body.Length > TicketEvent.BodyMaxLength)
        {
            return Result.Invalid(nameof(command.Body), Invariant($"A reply can be at most {TicketEvent.BodyMaxLength:N0} characters."));
        }

        if (command.Minutes is < 1 or > 24 * 60)
        {
            return Result.Invalid(nameof(command.Minutes), "Time spent is a number of minutes from 1 to 1440.");
        }

        if (!works && (!command.IsPublic || command.Minutes is not null))
        {
            return TicketFinder.Forbidden("Only technicians can write internal notes or log time.");
        }

        var now = clock.GetUtcNow();
        if (ticket.Status == TicketStatus.Closed || (ticket.Status == TicketStatus.Solved && !works && !TicketRules.CanReopen(ticket, now, options.Value.ReopenWindowDays)))
        {
            return Result.Conflict("This ticket is closed. Open a new request and mention its number.");
        }

        var number = finder.Number(ticket);
        if (body.Length > 0)
        {
            var isPublic = command.IsPublic || !works;
            var entry = db.Add(ticket, viewer, isPublic ? TicketEventKind.PublicReply : TicketEventKind.InternalNote, now, body, isPublic);
            entry.Minutes = command.Minutes;
            if (isPublic)
            {
                RespondOrReturn(ticket, viewer, works, now);
                await notifier.PublicReplyAsync(ticket, number, viewer.UserId, body, cancellationToken);
            }
        }
        else
        {
            db.Add(ticket, viewer, TicketEventKind.TimeSpent, now).Minutes = command.Minutes;
        }

        ticket.MinutesSpent += command.Minutes ?? 0;
        await db.SaveChangesAsync(cancellationToken);
        return finder.Changed(ticket, changed: true);
    }

    private void RespondOrReturn(Ticket ticket, Viewer viewer, bool works, DateTimeOffset now)
    {
        var fromRequester = ticket.RequesterUserId == viewer.UserId || (viewer.PersonId is not null && ticket.RequesterPersonId == viewer.PersonId);
        if (works && fromRequester)
        {
            // A technician writing on their own request neither answers it nor hands it back: with "Send and mark
            // Solved" the reply would otherwise reopen the ticket it has just solved.
            return;
        }

        if (works)
        {
            ticket.FirstResponseAt ??= now;
            if (ticket.Status == TicketStatus.New)
            {
                db.ChangeStatus(ticket, TicketStatus.Open, viewer, now);
            }
        }
        else if (ticket.Status is TicketStatus.Pending or TicketStatus.New)
        {
            db.ChangeStatus(ticket, TicketStatus.Open, viewer, now, "The requester replied.");
        }
        else if (ticket.Status == TicketStatus.Solved)
        {
            ticket.ReopenCount++;
            db.ChangeStatus(ticket, TicketStatus.Open, viewer, now, "The requester replied to a solved ticket.");
        }
    }
}
