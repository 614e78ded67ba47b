using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Automations.RunAutomations;

/// <summary>
/// M school days after the reminder with no reply, a pending ticket is solved for the requester with a public note.
/// A reply moves it back to Open (and clears the reminder), which is what stops this clock; the reopen window still applies.
/// </summary>
public sealed class AutoClosePendingWork(AppDbContext db, ISchoolCalendar calendar, TicketNotifier notifier, TimeProvider clock, IOptions<HelpdeskOptions> options) : IScheduledWork
{
    public const string Name = "helpdesk.auto-close-pending";

    public const string Note = "Solved because we did not hear back. If the problem is not fixed, reopen this request.";

    public async Task<WorkDone> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var days = settings.Automations.AutoCloseSchoolDays;
        var now = clock.GetUtcNow();
        var schedules = new SiteSchedules(calendar);
        var cutoff = now.AddDays(-Math.Max(days, 0));
        var candidates = db.Set<Ticket>().Where(t => t.Status == TicketStatus.Pending && t.PendingReminderSentAt != null && t.PendingReminderSentAt <= cutoff);
        var (solved, withoutCalendar) = (0, 0);
        await foreach (var batch in Batches.OfAsync(db, candidates, settings.Automations.BatchSize, cancellationToken))
        {
            foreach (var ticket in batch)
            {
                var schedule = await schedules.ForAsync(ticket.SiteId, cancellationToken);
                if (schedule is null)
                {
                    withoutCalendar++;
                    continue;
                }

                if (!SchoolDays.HavePassed(schedule, ticket.PendingReminderSentAt!.Value, now, days))
                {
                    continue;
                }

                db.Add(ticket, null, Automations.Actor, TicketEventKind.Automation, now, Note, isPublic: true);
                db.ChangeStatus(ticket, TicketStatus.Solved, null, now, $"No reply {days} school days after the reminder.");
                await notifier.SolvedAsync(ticket, TicketNumber.Format(settings.NumberPrefix, ticket.Id), cancellationToken);
                solved++;
            }
        }

        return new WorkDone(solved, Automations.Summary($"{solved} pending ticket(s) solved after {days} school days without a reply to the reminder", withoutCalendar));
    }
}
