using DistrictOps.Web.Platform.Http;
using System.Globalization;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>
/// Tells people what happened to a ticket, in the caller's unit of work so nothing is announced
/// that was rolled back: an in-app notification for users of DistrictOps and an email through the
/// outbox. Nobody hears about their own action, except the acknowledgement of a request they opened.
/// Language: emails to the requester are in the language of the request that caused them (the
/// language chosen in the footer, else the browser's); emails to technicians are in English.
/// </summary>
public sealed class TicketNotifier(AppDbContext db, TimeProvider clock, EmailOutbox outbox, IUserDirectory users, IOptions<HelpdeskOptions> options, IOptions<HttpOptions> http)
{
    public async Task CreatedAsync(Ticket ticket, string number, CancellationToken cancellationToken = default)
    {
        Notify(await RequesterUserAsync(ticket, cancellationToken), ticket, "created", $"{number} was received: {ticket.Title}");
        EmailRequester(ticket, "helpdesk.ticket-created", TicketEmails.Acknowledgement(RequesterLanguage, number, ticket.Title, RequesterLink(number)));
    }

    /// <summary>Tells the assignee; <paramref name="assignee"/> is their account when the caller has it already (routing), else it is read.</summary>
    public async Task AssignedAsync(Ticket ticket, string number, Guid? byUserId, UserSummary? assignee, CancellationToken cancellationToken = default)
    {
        if (ticket.AssigneeUserId is not { } assigneeId || assigneeId == byUserId)
        {
            return;
        }

        Notify(assigneeId, ticket, "assigned", $"{number} was assigned to you: {ticket.Title}");
        var account = assignee?.Id == assigneeId ? assignee : (await users.FindAsync([assigneeId], cancellationToken)).SingleOrDefault();
        if (account is { Email.Length: > 0 })
        {
            var email = TicketEmails.Assigned(EmailLanguage.English, number, ticket.Title, RequesterNames.Shown(ticket, viewer: null), ticket.Priority, TechnicianLink(number));
            Enqueue(account.Email, "helpdesk.ticket-assigned", email);
        }
    }

    public async Task PublicReplyAsync(Ticket ticket, string number, Guid? byUserId, string body, CancellationToken cancellationToken = default)
    {
        var author = byUserId is { } by ? (await users.FindAsync([by], cancellationToken)).SingleOrDefault() : null;
        var byRequester = (byUserId is not null && byUserId == ticket.RequesterUserId)
            || (ticket.RequesterPersonId is not null && author?.PersonId == ticket.RequesterPersonId);
        var authorName = byRequester
            ? RequesterNames.Shown(author?.DisplayName ?? ticket.RequesterName, ticket.RequesterRole, ticket.SiteId, viewer: null)
            : author?.DisplayName ?? "DistrictOps";
        if (byRequester)
        {
            if (ticket.AssigneeUserId is not { } assignee || assignee == byUserId)
            {
                return;
            }

            Notify(assignee, ticket, "reply", $"New reply on {number}: {Excerpt(body)}");
            var account = (await users.FindAsync([assignee], cancellationToken)).SingleOrDefault();
            if (account is { Email.Length: > 0 })
            {
                Enqueue(account.Email, "helpdesk.public-reply", TicketEmails.Reply(EmailLanguage.English, number, ticket.Title, authorName, body, TechnicianLink(number)));
            }

            return;
        }

        var requester = await RequesterUserAsync(ticket, cancellationToken);
        if (requester != byUserId)
        {
            Notify(requester, ticket, "reply", $"New reply on {number}: {Excerpt(body)}");
        }

        if (!SameAddress(ticket.RequesterEmail, author?.Email))
        {
            EmailRequester(ticket, "helpdesk.public-reply", TicketEmails.Reply(RequesterLanguage, number, ticket.Title, authorName, body, RequesterLink(number)));
        }
    }

    public async Task SolvedAsync(Ticket ticket, string number, CancellationToken cancellationToken = default)
    {
        Notify(await RequesterUserAsync(ticket, cancellationToken), ticket, "solved", $"{number} was solved: {ticket.Title}");
        EmailRequester(ticket, "helpdesk.ticket-solved", TicketEmails.Solved(RequesterLanguage, number, ticket.Title, options.Value.ReopenWindowDays, RequesterLink(number)));
        await SurveySchedule.ScheduleAsync(db, ticket, options.Value.Surveys, cancellationToken);
    }

    private static EmailLanguage RequesterLanguage => TicketEmails.LanguageOf(CultureInfo.CurrentUICulture);

    private string RequesterLink(string number) => TicketEmails.Link(http.Value.PublicBaseUrl, number, forTechnician: false);

    private string TechnicianLink(string number) => TicketEmails.Link(http.Value.PublicBaseUrl, number, forTechnician: true);

    /// <summary>The requester's account: the one who opened it, or the account linked to the person it was entered for.</summary>
    private async Task<Guid?> RequesterUserAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        if (ticket.RequesterUserId is not null || ticket.RequesterPersonId is not { } person)
        {
            return ticket.RequesterUserId;
        }

        return await users.ForPeopleAsync([person], cancellationToken) is [var account, ..] ? account.Id : null;
    }

    private void EmailRequester(Ticket ticket, string kind, TicketEmail email)
    {
        if (!string.IsNullOrWhiteSpace(ticket.RequesterEmail))
        {
            Enqueue(ticket.RequesterEmail, kind, email);
        }
    }

    private void Enqueue(string to, string kind, TicketEmail email) =>
        outbox.Enqueue(new EmailMessage(to, email.Subject, email.Text, email.Html, kind));

    private void Notify(Guid? userId, Ticket ticket, string kind, string text)
    {
        if (userId is { } id)
        {
            db.Set<Notification>().Add(new Notification { UserId = id, TicketId = ticket.Id, Kind = kind, Text = Excerpt(text, 500), At = clock.GetUtcNow() });
        }
    }

    private static bool SameAddress(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && string.Equals(a.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Excerpt(string text, int length = 140) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
