using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Demo;

/// <summary>
/// After the demo tickets are written (in bulk, which no save hook sees), computes every ticket's service level from its
/// history so queues and ticket pages show real deadlines, pauses and breaches. Ladder steps already reached are marked sent:
/// the demo's past is not announced when the job first runs. Only after this start wrote the demo tickets: on a kept
/// database (a restart, or the benches' million tickets) the clocks are already kept by the app and the job.
/// </summary>
internal sealed class DemoServiceLevelSeed(AppDbContext db, ServiceLevelTracker tracker, TimeProvider clock, DemoTicketsWritten written) : IDemoSeed
{
    private const int Batch = 500;

    public int Order => 21;

    public string Title => "Service-level clocks of the demo tickets";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!written.Tickets)
        {
            return;
        }

        var now = clock.GetUtcNow();
        long after = 0;
        while (true)
        {
            var tickets = await db.Set<Ticket>().Where(t => t.Id > after).OrderBy(t => t.Id).Take(Batch).ToListAsync(cancellationToken);
            if (tickets.Count == 0)
            {
                break;
            }

            after = tickets[^1].Id;
            foreach (var (id, tracked) in await tracker.RecomputeAsync(tickets, cancellationToken))
            {
                var ticket = tickets.First(t => t.Id == id);
                foreach (var alert in EscalationLadder.Due(tracked.Reading, ticket.ServiceLevelAlertsSent, now))
                {
                    ticket.ServiceLevelAlertsSent |= EscalationLadder.UpTo(alert.Target, alert.Step);
                }

                ticket.ServiceLevelCheckAt = EscalationLadder.NextCheck(tracked.Reading, ticket.ServiceLevelAlertsSent);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>Whether this start's demo seeding wrote the demo tickets (one seeding run shares one scope).</summary>
internal sealed class DemoTicketsWritten
{
    public bool Tickets { get; set; }
}
