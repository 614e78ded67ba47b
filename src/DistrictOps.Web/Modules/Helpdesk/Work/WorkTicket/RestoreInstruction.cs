using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.Web.Modules.Helpdesk.Work.WorkTicket;

/// <summary>
/// A technician records that a working device or a loaner got instruction going again: this meets the restore-instruction
/// target of an instruction-disrupted ticket. Saying it twice changes nothing.
/// </summary>
public sealed class RestoreInstructionHandler(AppDbContext db, TicketFinder finder, TimeProvider clock)
{
    public async Task<Result<TicketChanged>> HandleAsync(long id, Viewer viewer, CancellationToken cancellationToken = default)
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

        if (!ticket.InstructionDisrupted)
        {
            return Result.Conflict("This ticket is not marked as disrupting instruction, so there is nothing to restore.");
        }

        if (ticket.InstructionRestoredAt is not null)
        {
            return finder.Changed(ticket, changed: false);
        }

        var now = clock.GetUtcNow();
        ticket.InstructionRestoredAt = now;
        db.Add(ticket, viewer, TicketEventKind.InstructionRestored, now, "Instruction restored: a working device or a loaner is in place.", isPublic: true);
        await db.SaveChangesAsync(cancellationToken);
        return finder.Changed(ticket, changed: true);
    }
}

public static class RestoreInstructionApi
{
    public static RouteGroupBuilder MapRestoreInstructionApi(this RouteGroupBuilder group)
    {
        group.MapPost("/tickets/{number}/instruction-restored", (string number, WorkTicketApi.Context context, RestoreInstructionHandler handler, CancellationToken ct) =>
                context.RunAsync(number, (id, viewer) => handler.HandleAsync(id, viewer, ct), ct))
            .WithSummary("Record that instruction is going again (a working device or a loaner) on an instruction-disrupted ticket; repeating it changes nothing.");
        return group;
    }
}
