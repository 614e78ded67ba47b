using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using static System.FormattableString;

namespace DistrictOps.Web.Modules.Helpdesk.Work.WorkTicket;

/// <summary>Why, and to which team (else the next tier); the reason stays among technicians unless <paramref name="TellRequester"/>.</summary>
public sealed record EscalateCommand(string? Reason, int? TeamId = null, bool TellRequester = false);

/// <summary>
/// Moves a ticket up a tier — help desk → site technician → senior technician → network or systems —
/// with a reason. The reason is an internal note unless the technician chooses to tell the requester, since it often says
/// more about the first tier's limits than the requester needs. It lands unassigned in the new team's queue.
/// </summary>
public sealed class EscalateHandler(AppDbContext db, TicketFinder finder, TimeProvider clock)
{
    /// <summary>An escalation note says why in a paragraph; the full story belongs in a note of its own.</summary>
    public const int ReasonMaxLength = 2_000;

    public async Task<Result<TicketChanged>> HandleAsync(long id, EscalateCommand command, Viewer viewer, CancellationToken cancellationToken = default)
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

        if (!viewer.CanWork(ticket))
        {
            return TicketFinder.Forbidden();
        }

        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            return Result.Invalid(nameof(command.Reason), "Say why the ticket needs the next tier.");
        }

        if (reason.Length > ReasonMaxLength)
        {
            return Result.Invalid(nameof(command.Reason), Invariant($"The reason can be at most {ReasonMaxLength:N0} characters."));
        }

        if (!ticket.IsOpen)
        {
            return Result.Conflict("Only an open ticket can be escalated; reopen it first.");
        }

        var teams = await db.Set<Team>().AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        var currentTier = ticket.TeamId is { } current && teams.TryGetValue(current, out var from) ? from.Tier : 0;
        var targetId = command.TeamId ?? (ticket.TeamId is { } c && teams.TryGetValue(c, out var here) ? here.EscalatesToTeamId : null);
        if (targetId is null || !teams.TryGetValue(targetId.Value, out var target))
        {
            return Result.Invalid(nameof(command.TeamId), command.TeamId is null
                ? "This team has no next tier; choose the team to escalate to."
                : $"There is no team {command.TeamId}.");
        }

        if (target.Tier <= currentTier)
        {
            return Result.Invalid(nameof(command.TeamId), $"{target.Name} is tier {target.Tier}; escalation goes to a higher tier than {currentTier}.");
        }

        var now = clock.GetUtcNow();
        ticket.TeamId = target.Id;
        ticket.AssigneeUserId = null;
        ticket.AssigneeName = null;
        db.Add(ticket, viewer, TicketEventKind.Escalated, now, $"Escalated to {target.Name} (tier {target.Tier}): {reason}", isPublic: command.TellRequester);
        if (ticket.Status == TicketStatus.New)
        {
            db.ChangeStatus(ticket, TicketStatus.Open, viewer, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return finder.Changed(ticket, changed: true);
    }
}
