using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

public sealed record TimelineEntry(long Id, DateTimeOffset At, string Kind, string Actor, bool IsPublic, string? Body, string? FromStatus, string? ToStatus, int? Minutes);

public sealed record AttachmentInfo(long Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

public sealed record TicketDetail(
    long Id,
    string Number,
    string Title,
    string Description,
    string Status,
    int Priority,
    string PriorityName,
    string Impact,
    string Urgency,
    bool InstructionDisrupted,
    string Channel,
    Guid SiteId,
    string SiteName,
    string? Room,
    int IssueTypeId,
    string IssueType,
    Guid? RequesterPersonId,
    string RequesterName,
    string? RequesterEmail,
    string? SubmittedBy,
    int? TeamId,
    string? Team,
    Guid? AssigneeUserId,
    string? Assignee,
    string? AssetTag,
    IReadOnlyList<string> Tags,
    string? MergedInto,
    int MinutesSpent,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? SolvedAt,
    DateTimeOffset? ClosedAt,
    bool CanWork,
    bool CanReopen,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<AttachmentInfo> Attachments,
    ServiceLevelView? ServiceLevel = null);

/// <summary>
/// One ticket with its timeline; requesters see the public part only. Showing a student's or guardian's name is written to
/// the Directory's access log, as viewing their record is.
/// </summary>
public sealed class ViewTicketHandler(
    AppDbContext db, ISiteDirectory sites, IPeopleDirectory people, TimeProvider clock, IOptions<HelpdeskOptions> options, ServiceLevelTracker serviceLevels,
    HelpdeskSettingsCache settings)
{
    public async Task<TicketDetail?> HandleAsync(long id, Viewer viewer, DirectoryReader reader, CancellationToken cancellationToken = default)
    {
        var ticket = await db.Set<Ticket>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null || !viewer.CanSee(ticket))
        {
            return null;
        }

        var canWork = viewer.CanWork(ticket);
        var events = db.Set<TicketEvent>().AsNoTracking().Where(e => e.TicketId == id);
        if (!canWork)
        {
            events = events.Where(e => e.IsPublic);
        }

        var timeline = await events.OrderBy(e => e.Id)
            .Select(e => new TimelineEntry(e.Id, e.At, e.Kind.ToString(), e.ActorName, e.IsPublic, e.Body, e.FromStatus.ToString(), e.ToStatus.ToString(), e.Minutes))
            .ToListAsync(cancellationToken);
        var attachments = await db.Set<TicketAttachment>().AsNoTracking().Where(a => a.TicketId == id).OrderBy(a => a.Id)
            .Select(a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt)).ToListAsync(cancellationToken);
        var issueType = (await settings.GetAsync(db, cancellationToken)).IssueTypes.SingleOrDefault(c => c.Id == ticket.IssueTypeId)?.Path;
        var team = ticket.TeamId is null ? null : await db.Set<Team>().AsNoTracking().Where(t => t.Id == ticket.TeamId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
        var site = await sites.FindAsync(ticket.SiteId, cancellationToken);
        var prefix = options.Value.NumberPrefix;
        // Read as of now for technicians (the stored columns are as of the last change); the untracked copy is never saved.
        var serviceLevel = canWork && (await serviceLevels.RecomputeAsync([ticket], cancellationToken)).TryGetValue(ticket.Id, out var tracked)
            ? ServiceLevelView.From(tracked)
            : null;
        var requester = viewer.RequesterName(ticket.RequesterName, ticket.RequesterRole, ticket.SiteId);
        if (RequesterNames.IsFamily(ticket.RequesterRole) && requester != RequesterNames.Hidden && ticket.RequesterPersonId is { } person)
        {
            await people.ShownAsync(person, reader, cancellationToken);
        }

        return new TicketDetail(
            ticket.Id, TicketNumber.Format(prefix, ticket.Id), ticket.Title, ticket.Description, ticket.Status.ToString(),
            ticket.Priority, Priorities.Name(ticket.Priority), ticket.Impact.ToString(), ticket.Urgency.ToString(), ticket.InstructionDisrupted,
            ticket.Channel.ToString(), ticket.SiteId, site?.Name ?? "", ticket.Room, ticket.IssueTypeId, issueType ?? "",
            ticket.RequesterPersonId, requester, canWork && requester == ticket.RequesterName ? ticket.RequesterEmail : null, ticket.SubmittedByName,
            ticket.TeamId, team, ticket.AssigneeUserId, ticket.AssigneeName, ticket.AssetTag,
            Routing.Tags(ticket.Tags), ticket.MergedIntoId is { } merged ? TicketNumber.Format(prefix, merged) : null,
            ticket.MinutesSpent, ticket.CreatedAt, ticket.UpdatedAt, ticket.FirstResponseAt, ticket.SolvedAt, ticket.ClosedAt,
            canWork, TicketRules.CanReopen(ticket, clock.GetUtcNow(), options.Value.ReopenWindowDays),
            timeline, attachments, serviceLevel);
    }
}
