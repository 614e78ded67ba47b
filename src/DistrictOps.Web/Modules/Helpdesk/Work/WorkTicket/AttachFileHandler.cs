using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Work.WorkTicket;

/// <summary>
/// Adds a screenshot, photo or PDF to a ticket, within the size limit, typed by its content. The same
/// file attached twice to a ticket is kept once.
/// </summary>
public sealed class AttachFileHandler(AppDbContext db, TicketFinder finder, TicketFiles files)
{
    public const string Field = TicketFiles.Field;

    public async Task<Result<AttachedFile>> HandleAsync(long id, string? fileName, Stream content, Viewer viewer, CancellationToken cancellationToken = default)
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

        return await (await files.CheckAsync(fileName, content, cancellationToken)).ThenAsync(file => files.AddAsync(ticket, file, viewer, cancellationToken));
    }

    /// <summary>The attachment's bytes, if the viewer may see its ticket.</summary>
    public async Task<TicketAttachment?> ReadAsync(long ticketId, long attachmentId, Viewer viewer, CancellationToken cancellationToken = default) =>
        await finder.FindAsync(ticketId, viewer, cancellationToken) is null
            ? null
            : await db.Set<TicketAttachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.TicketId == ticketId, cancellationToken);
}
