using System.Security.Claims;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk;

/// <summary>The help desk's side of <see cref="IHelpdeskKnowledgeSources"/>: a ticket only for a technician who may see it.</summary>
internal sealed class KnowledgeSources(AppDbContext db, HelpdeskSettingsCache settings, ViewerFactory viewers, TicketFinder finder) : IHelpdeskKnowledgeSources
{
    public async Task<IReadOnlyList<IssueTypeSummary>> IssueTypesAsync(CancellationToken cancellationToken = default) =>
        (await settings.GetAsync(db, cancellationToken)).IssueTypes
            .OrderBy(c => c.Path, StringComparer.CurrentCulture)
            .Select(c => new IssueTypeSummary(c.Id, c.ParentId, c.Path, c.Active)).ToList();

    public async Task<TicketForArticle?> TicketAsync(string number, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.ForAsync(user, cancellationToken);
        if (!viewer.Works || TicketNumber.Parse(number, finder.Prefix) is not { } id || await finder.FindAsync(id, viewer, cancellationToken) is not { } ticket)
        {
            return null;
        }

        var answer = await db.Set<TicketEvent>().AsNoTracking()
            .Where(e => e.TicketId == id && e.Kind == TicketEventKind.PublicReply && e.ActorUserId != ticket.RequesterUserId)
            .OrderByDescending(e => e.Id).Select(e => e.Body).FirstOrDefaultAsync(cancellationToken);
        return new TicketForArticle(ticket.Id, finder.Number(ticket), ticket.Title, ticket.Description, ticket.IssueTypeId, ticket.DeviceModel, answer);
    }

    public async Task<ProblemForArticle?> ProblemAsync(long id, CancellationToken cancellationToken = default) =>
        await db.Set<Problem>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Title, p.RootCause, p.Workaround, p.IssueTypeId, p.DeviceModel, p.Status })
            .ToListAsync(cancellationToken) is [var p]
            ? new ProblemForArticle(p.Id, ProblemNumber.Format(p.Id), p.Title, p.RootCause, p.Workaround, p.IssueTypeId, p.DeviceModel, p.Status.ToString())
            : null;
}
