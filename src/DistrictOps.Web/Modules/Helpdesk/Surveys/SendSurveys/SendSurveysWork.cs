using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using DistrictOps.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Surveys.SendSurveys;

/// <summary>
/// Emails the sampled surveys whose delay has passed, only while their ticket is still Solved or Closed (a reopened
/// ticket waits until it is solved again). <see cref="Survey.SentAt"/> records the send, so none goes twice.
/// </summary>
public sealed class SendSurveysWork(AppDbContext db, EmailOutbox outbox, SurveyLinks links, TimeProvider clock, IOptions<HelpdeskOptions> options) : IScheduledWork
{
    public const string Name = "helpdesk.send-surveys";

    public async Task<WorkDone> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var size = Math.Max(settings.Automations.BatchSize, 1);
        var sent = 0;
        var after = 0L;
        while (true)
        {
            var batch = await (
                    from s in db.Set<Survey>()
                    join t in db.Set<Ticket>() on s.TicketId equals t.Id
                    where s.Sampled && s.SentAt == null && s.SendAfter <= now && s.Id > after
                          && (t.Status == TicketStatus.Solved || t.Status == TicketStatus.Closed)
                          && t.RequesterEmail != null && t.RequesterEmail != ""
                    orderby s.Id
                    select new { Survey = s, t.Title, t.RequesterEmail })
                .Take(size)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var due in batch)
            {
                var survey = due.Survey;
                var number = TicketNumber.Format(settings.NumberPrefix, survey.TicketId);
                var token = links.Token(survey.Id, now);
                var email = TicketEmails.Survey(number, due.Title,
                    links.Url(token, "good"), links.Url(token, "bad"), links.Url(token, "good", "es"), links.Url(token, "bad", "es"));
                outbox.Enqueue(new EmailMessage(due.RequesterEmail!, email.Subject, email.Text, email.Html, "helpdesk.survey"));
                survey.SentAt = now;

                // Not through Timeline.Add: a survey going out is no change to the ticket, so its UpdatedAt stays.
                db.Set<TicketEvent>().Add(new TicketEvent
                {
                    TicketId = survey.TicketId, At = now, Kind = TicketEventKind.Survey, ActorName = "DistrictOps",
                    Body = "Satisfaction survey emailed to the requester.", IsPublic = false,
                });
                sent++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = batch[^1].Survey.Id;
        }

        return new WorkDone(sent, $"{sent} satisfaction survey(s) emailed.");
    }
}
