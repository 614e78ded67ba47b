using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.Web.Modules.Helpdesk.Work.WorkTicket;

/// <summary>
/// Folds a duplicate into the ticket that carries the work: the duplicate closes, pointing at it,
/// and both timelines say so. Its requester follows the surviving ticket through the link.
/// </summary>
public sealed class MergeHandler(AppDbContext db, TicketFinder finder, TimeProvider clock)
{
    public async Task<Result<TicketChanged>> HandleAsync(long duplicateId, string? into, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var duplicate = await finder.FindAsync(duplicateId, viewer, cancellationToken);
        if (duplicate is null)
        {
            return TicketFinder.Missing(duplicateId);
        }

        if (!viewer.CanWork(duplicate))
        {
            return TicketFinder.Forbidden();
        }

        var target = TicketNumber.Parse(into, finder.Prefix) is { } targetId ? await finder.FindAsync(targetId, viewer, cancellationToken) : null;
        if (target is null)
        {
            return Result.Invalid("into", $"There is no ticket “{into}” you can see to merge into.");
        }

        if (duplicate.MergedIntoId == target.Id)
        {
            return finder.Changed(duplicate, changed: false);
        }

        if (target.Id == duplicate.Id)
        {
            return Result.Invalid("into", "A ticket cannot be merged into itself.");
        }

        var refused = duplicate.MergedIntoId is not null ? $"{finder.Number(duplicate)} is already merged into {TicketNumber.Format(finder.Prefix, duplicate.MergedIntoId.Value)}."
            : target.MergedIntoId is not null ? $"{finder.Number(target)} is itself merged; merge into {TicketNumber.Format(finder.Prefix, target.MergedIntoId.Value)}."
            : !target.IsOpen ? $"{finder.Number(target)} is {target.Status}; merge into an open ticket."
            : null;
        if (refused is not null)
        {
            return Result.Conflict(refused);
        }

        var now = clock.GetUtcNow();
        duplicate.MergedIntoId = target.Id;
        db.Add(duplicate, viewer, TicketEventKind.Merged, now, $"Merged into {finder.Number(target)}; follow that ticket from now on.", isPublic: true);
        if (duplicate.Status != TicketStatus.Solved)
        {
            db.ChangeStatus(duplicate, TicketStatus.Solved, viewer, now, "Duplicate.");
        }

        db.ChangeStatus(duplicate, TicketStatus.Closed, viewer, now, "Duplicate.");
        db.Add(target, viewer, TicketEventKind.Merged, now, $"{finder.Number(duplicate)} from {RequesterNames.Shown(duplicate, viewer: null)} was merged into this ticket: {duplicate.Title}", isPublic: false);
        await db.SaveChangesAsync(cancellationToken);
        return finder.Changed(duplicate, changed: true);
    }
}
