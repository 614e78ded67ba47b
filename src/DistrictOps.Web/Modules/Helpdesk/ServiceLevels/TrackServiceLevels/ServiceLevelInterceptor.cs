using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DistrictOps.Web.Modules.Helpdesk.ServiceLevels.TrackServiceLevels;

/// <summary>
/// Keeps the service-level columns right at every save (ADR 0010): before EF writes, every ticket that is new, or whose
/// status, priority, site, issue type, channel, requester role, first response, instruction flag or restore time changed,
/// or that gains a status, assignment or escalation event in this unit of work, is recomputed by
/// <see cref="ServiceLevelTracker"/> in the same transaction. A handler written tomorrow cannot forget it.
/// Bulk inserts and ExecuteUpdate bypass it: they set <see cref="Ticket.ServiceLevelCheckAt"/> (or the demo seed recomputes).
/// </summary>
internal sealed class ServiceLevelInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    private static readonly string[] ClockInputs =
    [
        nameof(Ticket.Status), nameof(Ticket.Priority), nameof(Ticket.SiteId), nameof(Ticket.IssueTypeId), nameof(Ticket.Channel),
        nameof(Ticket.RequesterRole), nameof(Ticket.FirstResponseAt), nameof(Ticket.InstructionDisrupted), nameof(Ticket.InstructionRestoredAt),
        nameof(Ticket.CreatedAt),
    ];

    private static readonly TicketEventKind[] ClockEvents = [TicketEventKind.StatusChanged, TicketEventKind.Assigned, TicketEventKind.Escalated];

    private bool _busy;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && !_busy)
        {
            await RecomputeAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db && !_busy)
        {
            RecomputeAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    private async Task RecomputeAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // One detection here; the entries below are read as it left them (EF detects again after the interceptors, so what the
        // tracker recomputes is saved).
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.EntriesAsDetected<Ticket>();
        var tickets = entries.Where(Changed).Select(e => e.Entity).ToHashSet();
        var withEvents = db.ChangeTracker.EntriesAsDetected<TicketEvent>()
            .Where(e => e.State == EntityState.Added && ClockEvents.Contains(e.Entity.Kind))
            .Select(e => e.Entity.TicketId).ToHashSet();
        if (withEvents.Count > 0)
        {
            tickets.UnionWith(entries.Where(e => e.State != EntityState.Deleted && withEvents.Contains(e.Entity.Id)).Select(e => e.Entity));
        }

        if (tickets.Count == 0)
        {
            return;
        }

        _busy = true;
        try
        {
            await services.GetRequiredService<ServiceLevelTracker>().RecomputeAsync(tickets, cancellationToken);
        }
        finally
        {
            _busy = false;
        }
    }

    private static bool Changed(EntityEntry<Ticket> entry) =>
        entry.State == EntityState.Added
        || (entry.State == EntityState.Modified && ClockInputs.Any(p => entry.Property(p).IsModified));
}
