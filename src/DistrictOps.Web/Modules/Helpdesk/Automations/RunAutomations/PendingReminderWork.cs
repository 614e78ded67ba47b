using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using DistrictOps.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Automations.RunAutomations;

/// <summary>
/// A ticket waiting on its requester (Pending) for N school days gets one public reminder and an email.
/// <see cref="Ticket.PendingReminderSentAt"/> records it, so it is never sent twice; any status move clears it.
/// </summary>
public sealed class PendingReminderWork(AppDbContext db, ISchoolCalendar calendar, EmailOutbox outbox, TimeProvider clock, IOptions<HelpdeskOptions> options, IOptions<HttpOptions> http) : IScheduledWork
{
    public const string Name = "helpdesk.pending-reminder";

    public async Task<WorkDone> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var days = settings.Automations.PendingReminderSchoolDays;
        var now = clock.GetUtcNow();
        var schedules = new SiteSchedules(calendar);

        // A school day is at least a calendar day: tickets pending for fewer calendar days are not even read.
        var cutoff = now.AddDays(-Math.Max(days, 0));
        var candidates = db.Set<Ticket>().Where(t => t.Status == TicketStatus.Pending && t.PendingReminderSentAt == null && t.StatusChangedAt <= cutoff);
        var (reminded, withoutCalendar) = (0, 0);
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

                if (!SchoolDays.HavePassed(schedule, ticket.StatusChangedAt, now, days))
                {
                    continue;
                }

                var number = TicketNumber.Format(settings.NumberPrefix, ticket.Id);
                ticket.PendingReminderSentAt = now;
                db.Add(ticket, null, Automations.Actor, TicketEventKind.Automation, now,
                    $"Reminded the requester: this request has waited {days} school days for their reply.", isPublic: true);
                if (!string.IsNullOrWhiteSpace(ticket.RequesterEmail))
                {
                    var email = TicketEmails.PendingReminder(number, ticket.Title, days, settings.Automations.AutoCloseSchoolDays,
                        TicketEmails.Link(http.Value.PublicBaseUrl, number, forTechnician: false));
                    outbox.Enqueue(new EmailMessage(ticket.RequesterEmail, email.Subject, email.Text, email.Html, "helpdesk.pending-reminder"));
                }

                reminded++;
            }
        }

        return new WorkDone(reminded, Automations.Summary($"{reminded} requester(s) reminded of a ticket waiting {days} school days on them", withoutCalendar));
    }
}

/// <summary>What the automations share: who they act as, batching, and how they report.</summary>
internal static class Automations
{
    public const string Actor = "DistrictOps";

    public static string Summary(string done, int withoutCalendar) => withoutCalendar == 0
        ? done + "."
        : $"{done}; {withoutCalendar} ticket(s) skipped because their site has no school calendar yet.";
}

internal static class Batches
{
    /// <summary>
    /// The matching tickets in id order, a batch at a time: each batch is saved and forgotten before the next is read,
    /// so memory stays flat however many match. Reading by id after the last one seen keeps going past tickets left unchanged.
    /// </summary>
    public static async IAsyncEnumerable<List<Ticket>> OfAsync(AppDbContext db, IQueryable<Ticket> matching, int size,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var batch = await matching.Where(t => t.Id > after).OrderBy(t => t.Id).Take(Math.Max(size, 1)).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                yield break;
            }

            yield return batch;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }
    }
}
