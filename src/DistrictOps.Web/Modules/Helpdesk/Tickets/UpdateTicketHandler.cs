using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>The fields a technician changes; null means "leave as it is".</summary>
public sealed record UpdateTicketCommand(
    TicketStatus? Status = null,
    int? TeamId = null,
    Guid? AssigneeUserId = null,
    bool AssignToMe = false,
    bool Unassign = false,
    int? IssueTypeId = null,
    TicketImpact? Impact = null,
    TicketUrgency? Urgency = null,
    int? Priority = null,
    bool? InstructionDisrupted = null,
    string? Title = null,
    string? Room = null,
    string? AssetTag = null,
    string? AddTags = null,
    string? RemoveTags = null);

public sealed record BulkUpdateCommand(IReadOnlyList<string> Numbers, UpdateTicketCommand Changes);

/// <summary>
/// Status, assignment, classification and tags, one ticket or many. Each change is stamped on the
/// timeline; repeating the same change changes nothing. A bulk update applies to every ticket or,
/// if any one is refused, to none.
/// </summary>
public sealed class UpdateTicketHandler(AppDbContext db, TicketFinder finder, IUserDirectory users, TicketNotifier notifier, TimeProvider clock)
{
    private const string NotAllowed = "Only technicians can change a ticket.";

    public async Task<Result<TicketChanged>> HandleAsync(long id, UpdateTicketCommand command, Viewer viewer, CancellationToken cancellationToken = default)
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
            return TicketFinder.Forbidden(NotAllowed);
        }

        var errors = await ApplyAsync(ticket, command, viewer, cancellationToken);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var changed = db.ChangeTracker.HasChanges();
        await db.SaveChangesAsync(cancellationToken);
        return finder.Changed(ticket, changed);
    }

    public async Task<Result<IReadOnlyList<TicketChanged>>> BulkAsync(BulkUpdateCommand command, Viewer viewer, CancellationToken cancellationToken = default)
    {
        // JSON leaves a missing list or object null whatever the record says.
        if (command.Numbers is null || command.Numbers.Count is 0 or > 500)
        {
            return Result.Invalid("numbers", "Choose from 1 to 500 tickets.");
        }

        if (command.Changes is null)
        {
            return Result.Invalid("changes", "Say what to change (changes).");
        }

        var errors = new ErrorList();
        var tickets = new List<Ticket>();
        foreach (var number in command.Numbers.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var ticket = TicketNumber.Parse(number, finder.Prefix) is { } id ? await finder.FindAsync(id, viewer, cancellationToken) : null;
            if (ticket is null)
            {
                errors.Add(number, $"There is no ticket {number} you can see.");
                continue;
            }

            if (!viewer.CanWork(ticket))
            {
                db.ChangeTracker.Clear();
                return TicketFinder.Forbidden(NotAllowed);
            }

            if (finder.ReadOnly(ticket) is { } merged)
            {
                db.ChangeTracker.Clear();
                return merged;
            }

            errors.AddAll(await ApplyAsync(ticket, command.Changes, viewer, cancellationToken), prefix: $"{finder.Number(ticket)}.");
            tickets.Add(ticket);
        }

        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return Result.Invalid(errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return tickets.Select(t => finder.Changed(t, changed: true)).ToList();
    }

    /// <summary>Every change asked for, each checked; the timeline line is written only when all of them are accepted.</summary>
    private async Task<ErrorList> ApplyAsync(Ticket ticket, UpdateTicketCommand command, Viewer viewer, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var changes = new List<string>();
        Retitle(ticket, command.Title, errors, changes);
        await ChangeIssueTypeAsync(ticket, command.IssueTypeId, errors, changes, cancellationToken);
        await ClassifyAsync(ticket, command, errors, changes, cancellationToken);
        if (command.InstructionDisrupted is { } disrupted && disrupted != ticket.InstructionDisrupted)
        {
            changes.Add(disrupted ? "instruction disrupted" : "instruction no longer disrupted");
            ticket.InstructionDisrupted = disrupted;
        }

        Text(command.Room, Ticket.RoomMaxLength, nameof(command.Room), "room", v => ticket.Room = v, ticket.Room, errors, changes);
        Text(command.AssetTag?.ToUpperInvariant(), Ticket.AssetTagMaxLength, nameof(command.AssetTag), "asset tag", v => ticket.AssetTag = v, ticket.AssetTag, errors, changes);
        Retag(ticket, command, errors, changes);
        await MoveToTeamAsync(ticket, command.TeamId, errors, changes, cancellationToken);

        var now = clock.GetUtcNow();
        await AssignAsync(ticket, command, viewer, now, errors, cancellationToken);
        await ChangeStatusAsync(ticket, command.Status, viewer, now, errors, cancellationToken);
        if (changes.Count > 0 && !errors.Any)
        {
            db.Add(ticket, viewer, TicketEventKind.FieldsChanged, now, string.Join("; ", changes) + ".");
        }

        return errors;
    }

    private static void Retitle(Ticket ticket, string? title, ErrorList errors, List<string> changes)
    {
        if (title is null)
        {
            return;
        }

        title = title.Trim();
        if (title.Length is 0 or > Ticket.TitleMaxLength)
        {
            errors.Add(nameof(UpdateTicketCommand.Title), $"The title is 1 to {Ticket.TitleMaxLength} characters.");
        }
        else if (title != ticket.Title)
        {
            changes.Add($"title “{ticket.Title}” → “{title}”");
            ticket.Title = title;
        }
    }

    private async Task ChangeIssueTypeAsync(Ticket ticket, int? issueTypeId, ErrorList errors, List<string> changes, CancellationToken cancellationToken)
    {
        if (issueTypeId is not { } wanted || wanted == ticket.IssueTypeId)
        {
            return;
        }

        var path = await db.Set<IssueType>().Where(c => c.Id == wanted && c.Active).Select(c => c.Path).SingleOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            errors.Add(nameof(UpdateTicketCommand.IssueTypeId), $"There is no active issue type {wanted}.");
            return;
        }

        changes.Add($"issue type → {path}");
        ticket.IssueTypeId = wanted;
    }

    private async Task ClassifyAsync(Ticket ticket, UpdateTicketCommand command, ErrorList errors, List<string> changes, CancellationToken cancellationToken)
    {
        if (command.Impact is { } impact && !Enum.IsDefined(impact))
        {
            errors.Add(nameof(command.Impact), "Impact must be Person, Class, Site or District.");
        }

        if (command.Urgency is { } urgency && !Enum.IsDefined(urgency))
        {
            errors.Add(nameof(command.Urgency), "Urgency must be Low, Medium or High.");
        }

        if (command.Priority is < 1 or > 5)
        {
            errors.Add(nameof(command.Priority), "Priority is 1 (Critical) to 5 (Planning).");
        }

        if (errors.Any)
        {
            return;
        }

        var priority = ticket.Priority;
        if ((command.Impact ?? ticket.Impact) != ticket.Impact || (command.Urgency ?? ticket.Urgency) != ticket.Urgency)
        {
            ticket.Impact = command.Impact ?? ticket.Impact;
            ticket.Urgency = command.Urgency ?? ticket.Urgency;
            changes.Add($"impact {ticket.Impact}, urgency {ticket.Urgency}");
            priority = Priorities.From(await db.Set<PriorityCell>().AsNoTracking().ToListAsync(cancellationToken), ticket.Impact, ticket.Urgency);
        }

        priority = command.Priority ?? priority;
        if (priority != ticket.Priority)
        {
            changes.Add($"priority {Priorities.Name(ticket.Priority)} → {Priorities.Name(priority)}");
            ticket.Priority = priority;
        }
    }

    private static void Retag(Ticket ticket, UpdateTicketCommand command, ErrorList errors, List<string> changes)
    {
        if (command.AddTags is null && command.RemoveTags is null)
        {
            return;
        }

        var remove = Routing.Tags(command.RemoveTags);
        var tags = string.Join(' ', Routing.Tags(ticket.Tags + " " + command.AddTags).Where(t => !remove.Contains(t)));
        if (tags.Length > Ticket.TagsMaxLength)
        {
            errors.Add(nameof(command.AddTags), $"Tags can be at most {Ticket.TagsMaxLength} characters together.");
        }
        else if (tags != ticket.Tags)
        {
            changes.Add($"tags → {(tags.Length == 0 ? "none" : tags)}");
            ticket.Tags = tags;
        }
    }

    private async Task MoveToTeamAsync(Ticket ticket, int? teamId, ErrorList errors, List<string> changes, CancellationToken cancellationToken)
    {
        if (teamId is not { } wanted || wanted == ticket.TeamId)
        {
            return;
        }

        var team = await db.Set<Team>().Where(t => t.Id == wanted).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
        if (team is null)
        {
            errors.Add(nameof(UpdateTicketCommand.TeamId), $"There is no team {wanted}.");
            return;
        }

        changes.Add($"team → {team}");
        ticket.TeamId = wanted;
    }

    private async Task AssignAsync(Ticket ticket, UpdateTicketCommand command, Viewer viewer, DateTimeOffset now, ErrorList errors, CancellationToken cancellationToken)
    {
        var assignTo = command.AssignToMe ? viewer.UserId : command.AssigneeUserId;
        if (command.Unassign && ticket.AssigneeUserId is not null)
        {
            db.Add(ticket, viewer, TicketEventKind.Assigned, now, "Unassigned.");
            ticket.AssigneeUserId = null;
            ticket.AssigneeName = null;
            return;
        }

        if (assignTo is not { } userId || userId == ticket.AssigneeUserId)
        {
            return;
        }

        var user = (await users.FindAsync([userId], cancellationToken)).SingleOrDefault();
        if (user is null || !user.IsTechnician())
        {
            errors.Add(nameof(command.AssigneeUserId), "Tickets can only be assigned to technicians.");
            return;
        }

        ticket.AssigneeUserId = user.Id;
        ticket.AssigneeName = user.DisplayName;
        db.Add(ticket, viewer, TicketEventKind.Assigned, now, $"Assigned to {user.DisplayName}.");
        await notifier.AssignedAsync(ticket, finder.Number(ticket), viewer.UserId, assignee: null, cancellationToken);
    }

    /// <summary>The status moves last, and only when every other change was accepted.</summary>
    private async Task ChangeStatusAsync(Ticket ticket, TicketStatus? wanted, Viewer viewer, DateTimeOffset now, ErrorList errors, CancellationToken cancellationToken)
    {
        if (wanted is not { } status || status == ticket.Status)
        {
            return;
        }

        var refused = !Enum.IsDefined(status) ? "Unknown status." : TicketRules.CannotMove(ticket.Status, status);
        if (refused is not null)
        {
            errors.Add(nameof(UpdateTicketCommand.Status), refused);
            return;
        }

        if (errors.Any)
        {
            return;
        }

        if (ticket.Status == TicketStatus.Solved && status != TicketStatus.Closed)
        {
            ticket.ReopenCount++;
        }

        db.ChangeStatus(ticket, status, viewer, now);
        if (status == TicketStatus.Solved)
        {
            await notifier.SolvedAsync(ticket, finder.Number(ticket), cancellationToken);
        }
    }

    private static void Text(string? value, int max, string field, string label, Action<string?> set, string? current, ErrorList errors, List<string> changes)
    {
        if (value is null)
        {
            return;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > max)
        {
            errors.Add(field, $"The {label} can be at most {max} characters.");
        }
        else if ((trimmed.Length == 0 ? null : trimmed) != current)
        {
            changes.Add($"{label} → {(trimmed.Length == 0 ? "none" : trimmed)}");
            set(trimmed.Length == 0 ? null : trimmed);
        }
    }
}
