using DistrictOps.Web.Platform.Http;
using System.Globalization;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.ServiceLevels.TrackServiceLevels;

/// <summary>
/// The <c>helpdesk.service-levels</c> job: every ticket whose <see cref="Ticket.ServiceLevelCheckAt"/> has come is recomputed from its
/// history, and the ladder steps it reached are sent once — an in-app notification and an email to each recipient, and an
/// internal ServiceLevel event on the timeline. Idempotent: sent steps are flagged on the ticket and its next check moves
/// past now, so a second run finds nothing.
/// </summary>
public sealed class ServiceLevelWork(
    AppDbContext db,
    ServiceLevelTracker tracker,
    IUserDirectory users,
    EmailOutbox outbox,
    TimeProvider clock,
    DistrictTime districtTime,
    IOptions<HelpdeskOptions> options,
    IOptions<HttpOptions> http) : IScheduledWork
{
    public const string Name = "helpdesk.service-levels";

    private List<UserSummary>? _managers;
    private Dictionary<int, Team>? _teams;

    public async Task<WorkDone> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batchSize = Math.Max(1, options.Value.ServiceLevels.BatchSize);
        long after = 0;
        int recomputed = 0, alerts = 0, escalated = 0;
        while (true)
        {
            var batch = await db.Set<Ticket>()
                .Where(t => t.ServiceLevelCheckAt != null && t.ServiceLevelCheckAt <= now && t.Id > after)
                .OrderBy(t => t.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1].Id;
            var readings = await tracker.RecomputeAsync(batch, cancellationToken);
            foreach (var ticket in batch)
            {
                if (!readings.TryGetValue(ticket.Id, out var tracked))
                {
                    continue;
                }

                foreach (var alert in EscalationLadder.Due(tracked.Reading, ticket.ServiceLevelAlertsSent, now))
                {
                    await SendAsync(ticket, alert, cancellationToken);
                    ticket.ServiceLevelAlertsSent |= EscalationLadder.UpTo(alert.Target, alert.Step);
                    alerts++;
                    if (alert is { Target: ServiceTarget.Resolution, Step: LadderStep.Breach } && options.Value.ServiceLevels.AutoEscalateOnBreach
                        && await EscalateAsync(ticket, now, cancellationToken))
                    {
                        escalated++;
                    }
                }

                ticket.ServiceLevelCheckAt = EscalationLadder.NextCheck(tracked.Reading, ticket.ServiceLevelAlertsSent);
            }

            recomputed += batch.Count;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var changed = alerts + escalated;
        return new WorkDone(changed, string.Create(CultureInfo.InvariantCulture,
            $"Recomputed {recomputed} ticket(s); sent {alerts} service-level alert(s); escalated {escalated} breached ticket(s)."));
    }

    private async Task SendAsync(Ticket ticket, LadderAlert alert, CancellationToken cancellationToken)
    {
        var number = TicketNumber.Format(options.Value.NumberPrefix, ticket.Id);
        var team = ticket.TeamId is { } teamId ? (await TeamsAsync(cancellationToken)).GetValueOrDefault(teamId) : null;
        var recipients = new List<Guid>();
        if (alert.Step != LadderStep.Breach && ticket.AssigneeUserId is { } assignee)
        {
            recipients.Add(assignee);
        }

        if ((alert.Step != LadderStep.Half || ticket.AssigneeUserId is null) && team?.LeadUserId is { } lead)
        {
            recipients.Add(lead);
        }

        if (alert.Step == LadderStep.Breach)
        {
            _managers ??= [.. await users.InRoleAsync(Roles.ItManager, cancellationToken)];
            recipients.AddRange(_managers.Select(m => m.Id));
        }

        var accounts = (await users.FindAsync(recipients.Distinct().ToList(), cancellationToken)).ToList();
        var target = alert.Target.ToString().ToLowerInvariant();
        var percent = alert.Step switch { LadderStep.Half => 50, LadderStep.ThreeQuarters => 75, _ => 100 };
        var due = alert.Clock.DueAt is { } dueAt ? districtTime.Absolute(dueAt, culture: CultureInfo.GetCultureInfo("en")) : null;
        var text = percent == 100
            ? $"{number}: the {Describe(alert.Target)} target was breached."
            : $"{number}: {percent}% of the {Describe(alert.Target)} target used{(due is null ? "" : $", due {due}")}.";
        var link = TicketEmails.Link(http.Value.PublicBaseUrl, number, forTechnician: true);
        foreach (var account in accounts)
        {
            db.Set<Notification>().Add(new Notification { UserId = account.Id, TicketId = ticket.Id, Kind = "service-level", Text = text, At = clock.GetUtcNow() });
            if (account.Email.Length > 0)
            {
                var email = TicketEmails.ServiceLevel(EmailLanguage.English, number, ticket.Title, target, percent, due, link);
                outbox.Enqueue(new EmailMessage(account.Email, email.Subject, email.Text, email.Html, "helpdesk.service-level"));
            }
        }

        var told = accounts.Count == 0 ? "Nobody to notify." : "Notified " + string.Join(", ", accounts.Select(a => a.DisplayName)) + ".";
        db.Add(ticket, null, "DistrictOps", TicketEventKind.ServiceLevel, clock.GetUtcNow(), $"{text} {told}");
    }

    /// <summary>The escalate rules without a person: to the team's next tier, unassigned, New moves to Open.</summary>
    private async Task<bool> EscalateAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var teams = await TeamsAsync(cancellationToken);
        if (ticket.TeamId is not { } current || !teams.TryGetValue(current, out var from)
            || from.EscalatesToTeamId is not { } next || !teams.TryGetValue(next, out var target) || target.Tier <= from.Tier)
        {
            return false;
        }

        ticket.TeamId = target.Id;
        ticket.AssigneeUserId = null;
        ticket.AssigneeName = null;
        db.Add(ticket, null, "DistrictOps", TicketEventKind.Escalated, now, $"Escalated to {target.Name} (tier {target.Tier}): the resolution target was breached.", isPublic: true);
        if (ticket.Status == TicketStatus.New)
        {
            db.ChangeStatus(ticket, TicketStatus.Open, null, now);
        }

        return true;
    }

    private async Task<Dictionary<int, Team>> TeamsAsync(CancellationToken cancellationToken) =>
        _teams ??= await db.Set<Team>().AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);

    private static string Describe(ServiceTarget target) => target switch
    {
        ServiceTarget.Response => "first response",
        ServiceTarget.Restore => "restore instruction",
        _ => "resolution",
    };
}
