using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Automations.RunAutomations;

/// <summary>Solved for some days without a reopen, a ticket is Closed; a reopen moves its status and so restarts the count.</summary>
public sealed class CloseSolvedWork(AppDbContext db, TimeProvider clock, IOptions<HelpdeskOptions> options) : IScheduledWork
{
    public const string Name = "helpdesk.close-solved";

    public async Task<WorkDone> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var days = settings.Automations.CloseSolvedAfterDays;
        var now = clock.GetUtcNow();
        var cutoff = now.AddDays(-Math.Max(days, 0));
        var candidates = db.Set<Ticket>().Where(t => t.Status == TicketStatus.Solved && t.StatusChangedAt <= cutoff);
        var closed = 0;
        await foreach (var batch in Batches.OfAsync(db, candidates, settings.Automations.BatchSize, cancellationToken))
        {
            foreach (var ticket in batch)
            {
                db.ChangeStatus(ticket, TicketStatus.Closed, null, now, $"Closed {days} days after it was solved.");
                closed++;
            }
        }

        return new WorkDone(closed, $"{closed} solved ticket(s) closed {days} days after they were solved.");
    }
}
