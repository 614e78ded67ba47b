using System.Globalization;
using System.Security.Claims;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Modules.Helpdesk.Work.WorkTicket;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk;

/// <summary>The help desk's side of <see cref="IDeviceTickets"/>.</summary>
internal sealed class DeviceTickets(AppDbContext db, ViewerFactory viewers, TicketFinder finder, RestoreInstructionHandler restore, TimeProvider clock) : IDeviceTickets
{
    public async Task<IReadOnlyList<DeviceTicket>> ForAssetTagAsync(string assetTag, ClaimsPrincipal user, int take = 20, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.ForAsync(user, cancellationToken);
        var tag = assetTag.Trim().ToUpperInvariant();
        var tickets = await viewer.Visible(db.Set<Ticket>().AsNoTracking()).Where(t => t.AssetTag == tag)
            .OrderByDescending(t => t.Id).Take(take).ToListAsync(cancellationToken);
        return tickets.Select(t => Summary(t, viewer)).ToList();
    }

    public async Task<DeviceTicket?> FindAsync(string number, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.ForAsync(user, cancellationToken);
        return viewer.Works && TicketNumber.Parse(number, finder.Prefix) is { } id && await finder.FindAsync(id, viewer, cancellationToken) is { } ticket
            ? Summary(ticket, viewer)
            : null;
    }

    public async Task<IReadOnlyList<DeviceTicket>> WaitingForLoanerAsync(IReadOnlyCollection<Guid> siteIds, ClaimsPrincipal user, int take = 50, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.ForAsync(user, cancellationToken);
        if (!viewer.Works)
        {
            return [];
        }

        var sites = siteIds.ToList();
        var open = viewer.Visible(db.Set<Ticket>().AsNoTracking())
            .Where(t => sites.Contains(t.SiteId) && t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed && t.MergedIntoId == null);
        var disrupted = await open.Where(t => t.InstructionDisrupted && t.InstructionRestoredAt == null).OrderBy(t => t.Id).Take(take).ToListAsync(cancellationToken);
        var naming = await open.Where(t => t.AssetTag != null && !(t.InstructionDisrupted && t.InstructionRestoredAt == null)).OrderBy(t => t.Id)
            .Take(take - disrupted.Count).ToListAsync(cancellationToken);
        return disrupted.Concat(naming).Select(t => Summary(t, viewer)).ToList();
    }

    public async Task<Result<bool>> LoanerIssuedAsync(string number, string loanerTag, DateOnly dueOn, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var viewer = await viewers.ForAsync(user, cancellationToken);
        if (TicketNumber.Parse(number, finder.Prefix) is not { } id || await finder.FindAsync(id, viewer, cancellationToken) is not { } ticket)
        {
            return Result.NotFound($"There is no ticket {number} you can see.");
        }

        if (!viewer.CanWork(ticket))
        {
            return TicketFinder.Forbidden();
        }

        var note = $"Loaner {loanerTag} issued, due back {dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.";
        if (await db.Set<TicketEvent>().AnyAsync(e => e.TicketId == id && e.Body == note, cancellationToken))
        {
            return false;
        }

        db.Add(ticket, viewer, TicketEventKind.PublicReply, clock.GetUtcNow(), note, isPublic: true);
        await db.SaveChangesAsync(cancellationToken);
        if (ticket.InstructionDisrupted)
        {
            await restore.HandleAsync(id, viewer, cancellationToken);
        }

        return true;
    }

    private DeviceTicket Summary(Ticket t, Viewer viewer) => new(
        t.Id, finder.Number(t), t.Title, t.Status.ToString(), t.IsOpen, t.CreatedAt, t.SiteId, t.RequesterPersonId,
        viewer.RequesterName(t.RequesterName, t.RequesterRole, t.SiteId), t.AssetTag, t.InstructionDisrupted, t.InstructionRestoredAt is not null);
}
