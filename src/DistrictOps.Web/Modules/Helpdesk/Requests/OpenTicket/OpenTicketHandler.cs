using DistrictOps.Web.Modules.Devices.Contracts;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static System.FormattableString;

namespace DistrictOps.Web.Modules.Helpdesk.Requests.OpenTicket;

/// <summary>
/// A new request. With no requester given, the person asking is the one signed in; technicians may
/// enter one on behalf of a caller, a walk-in or someone who stopped them at a site.
/// </summary>
public sealed record OpenTicketCommand(
    string Title,
    string Description,
    Guid SiteId,
    int IssueTypeId,
    TicketImpact Impact = TicketImpact.Person,
    TicketUrgency Urgency = TicketUrgency.Medium,
    bool InstructionDisrupted = false,
    TicketChannel Channel = TicketChannel.Web,
    string? Room = null,
    Guid? RequesterPersonId = null,
    string? RequesterName = null,
    string? RequesterEmail = null,
    string? AssetTag = null);

public sealed record OpenedTicket(long Id, string Number, string Status, int Priority, int? TeamId, Guid? AssigneeUserId, string? AssigneeName, IReadOnlyList<FiredRule> Rules);

public sealed class OpenTicketHandler(
    AppDbContext db,
    ISiteDirectory sites,
    IPeopleDirectory people,
    TicketRouter router,
    TicketNotifier notifier,
    HelpdeskSettingsCache settingsCache,
    TimeProvider clock,
    IOptions<HelpdeskOptions> options,
    IPersonDevices devices)
{
    public async Task<Result<OpenedTicket>> HandleAsync(OpenTicketCommand command, Viewer actor, DirectoryReader reader, CancellationToken cancellationToken = default)
    {
        var errors = CheckFields(command);
        var onBehalf = command.RequesterPersonId is not null || !string.IsNullOrWhiteSpace(command.RequesterName);
        if ((onBehalf || command.Channel is TicketChannel.Phone or TicketChannel.WalkIn or TicketChannel.DirectToTechnician) && !actor.Works)
        {
            errors.Add(nameof(command.Channel), "Only technicians can enter a request on someone else's behalf.");
        }

        var site = command.SiteId == Guid.Empty ? null : await sites.FindAsync(command.SiteId, cancellationToken);
        if (site is null)
        {
            errors.Add(nameof(command.SiteId), "Choose the site where the problem is.");
        }

        var settings = await settingsCache.GetAsync(db, cancellationToken);
        var issueType = settings.IssueTypes.SingleOrDefault(c => c.Id == command.IssueTypeId && c.Active);
        if (issueType is null)
        {
            errors.Add(nameof(command.IssueTypeId), "Choose what kind of problem it is.");
        }

        PersonSummary? requester = null;
        if (command.RequesterPersonId is { } requesterId)
        {
            requester = await people.FindAsync(requesterId, reader, cancellationToken);
            if (requester is null)
            {
                errors.Add(nameof(command.RequesterPersonId), "No person in the directory has this id.");
            }
        }
        else if (!onBehalf && actor.PersonId is { } self)
        {
            requester = await people.FindAsync(self, reader, cancellationToken);
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var ticket = NewTicket(command, actor, onBehalf, requester, site!.Id, issueType!.Id, Priorities.From(settings.PriorityMatrix, command.Impact, command.Urgency), now);
        if (ticket.AssetTag is { } tag)
        {
            ticket.DeviceModel = await devices.ModelOfAsync(tag, cancellationToken);
        }

        return await OpenAsync(ticket, actor, onBehalf ? $"Entered by {actor.Name} ({command.Channel})" : null, site.Type, now, null, cancellationToken);
    }

    /// <summary>What the command says by itself, before anything is looked up.</summary>
    private static ErrorList CheckFields(OpenTicketCommand command)
    {
        var errors = new ErrorList();
        var title = command.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add(nameof(command.Title), "Say in a few words what is wrong.");
        }
        else if (title.Length > Ticket.TitleMaxLength)
        {
            errors.Add(nameof(command.Title), $"The title can be at most {Ticket.TitleMaxLength} characters.");
        }

        var description = command.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            errors.Add(nameof(command.Description), "Describe the problem: what happened and what you see.");
        }
        else if (description.Length > Ticket.DescriptionMaxLength)
        {
            errors.Add(nameof(command.Description), Invariant($"The description can be at most {Ticket.DescriptionMaxLength:N0} characters."));
        }

        errors.MaxLength(nameof(command.Room), command.Room, Ticket.RoomMaxLength, $"The room can be at most {Ticket.RoomMaxLength} characters.");
        errors.MaxLength(nameof(command.AssetTag), command.AssetTag, Ticket.AssetTagMaxLength, $"The asset tag can be at most {Ticket.AssetTagMaxLength} characters.");
        errors.Defined(nameof(command.Impact), (TicketImpact?)command.Impact, "Impact must be Person, Class, Site or District.");
        errors.Defined(nameof(command.Urgency), (TicketUrgency?)command.Urgency, "Urgency must be Low, Medium or High.");
        errors.Defined(nameof(command.Channel), (TicketChannel?)command.Channel, "Channel must be Web, Phone, WalkIn, Email or DirectToTechnician.");
        return errors;
    }

    private static Ticket NewTicket(
        OpenTicketCommand command, Viewer actor, bool onBehalf, PersonSummary? requester, Guid siteId, int issueTypeId, int priority, DateTimeOffset now) => new()
    {
        Title = command.Title.Trim(),
        Description = command.Description.Trim(),
        SiteId = siteId,
        Room = Blank(command.Room),
        IssueTypeId = issueTypeId,
        Impact = command.Impact,
        Urgency = command.Urgency,
        Priority = priority,
        InstructionDisrupted = command.InstructionDisrupted,
        Channel = command.Channel,
        Status = TicketStatus.New,
        AssetTag = Blank(command.AssetTag)?.ToUpperInvariant(),
        RequesterPersonId = requester?.Id,
        RequesterUserId = onBehalf ? null : actor.UserId,
        RequesterName = requester?.Name ?? Blank(command.RequesterName) ?? actor.Name,
        RequesterEmail = requester?.Email ?? Blank(command.RequesterEmail) ?? (onBehalf ? null : actor.Email),
        RequesterRole = requester?.Kind.ToLowerInvariant(),
        SubmittedByUserId = onBehalf ? actor.UserId : null,
        SubmittedByName = onBehalf ? actor.Name : null,
        CreatedAt = now,
        UpdatedAt = now,
        StatusChangedAt = now,
    };

    /// <summary>
    /// Routes the ticket, then saves it to get its number, stamps its timeline and tells those concerned, in one transaction;
    /// <paramref name="actor"/> is null when DistrictOps opens it (an automation), and <paramref name="alongside"/> adds what
    /// must be saved with it. Routing comes first so the ticket is written once, routed, and the write transaction holds
    /// no more than the rows.
    /// </summary>
    internal async Task<OpenedTicket> OpenAsync(
        Ticket ticket, Viewer? actor, string? enteredBy, string siteType, DateTimeOffset now, Action<Ticket>? alongside, CancellationToken cancellationToken)
    {
        var routed = await router.RouteAsync(ticket, siteType, now, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Set<Ticket>().Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        var number = TicketNumber.Format(options.Value.NumberPrefix, ticket.Id);
        db.Add(ticket, actor, TicketEventKind.Created, now, enteredBy, isPublic: true);
        router.Record(ticket, routed, now);
        await notifier.CreatedAsync(ticket, number, cancellationToken);
        if (ticket.AssigneeUserId is not null)
        {
            await notifier.AssignedAsync(ticket, number, actor?.UserId, routed.Assignee, cancellationToken);
        }

        alongside?.Invoke(ticket);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OpenedTicket(ticket.Id, number, ticket.Status.ToString(), ticket.Priority, ticket.TeamId, ticket.AssigneeUserId, ticket.AssigneeName, routed.Decision.Fired);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
