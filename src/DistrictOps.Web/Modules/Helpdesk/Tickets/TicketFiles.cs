using System.Security.Cryptography;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

public sealed record AttachedFile(long Id, string FileName, string ContentType, long Size, bool Added);

/// <summary>
/// The upload rules of a ticket's files, shared by the technician's attach and the requester's photo: checked first (size,
/// type by content, clean name), then stored once per content with a public timeline entry.
/// </summary>
public sealed class TicketFiles(AppDbContext db, TimeProvider clock, IOptions<HelpdeskOptions> options)
{
    public const string Field = "file";

    /// <summary>
    /// Reads an upload and checks it before anything is stored: within the size limit, not empty, a picture or PDF by its
    /// content, with a clean name whose extension matches the content. The request form checks the photo this way before it
    /// opens the ticket, so a refused file opens nothing.
    /// </summary>
    public Task<Result<CheckedFile>> CheckAsync(string? fileName, Stream content, CancellationToken cancellationToken = default) =>
        UploadCheck.CheckAsync(fileName, content, options.Value.MaxAttachmentBytes, Field, cancellationToken);

    /// <summary>Stores a checked file on a ticket the viewer may see, once per content.</summary>
    public async Task<AttachedFile> AddAsync(Ticket ticket, CheckedFile file, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var bytes = file.Content;
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var existing = await db.Set<TicketAttachment>().AsNoTracking().Where(a => a.TicketId == ticket.Id && a.Sha256 == sha)
            .Select(a => new AttachedFile(a.Id, a.FileName, a.ContentType, a.Size, false)).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var now = clock.GetUtcNow();
        var entry = db.Add(ticket, viewer, TicketEventKind.Attachment, now, $"Attached {file.Name}.", isPublic: true);
        await db.SaveChangesAsync(cancellationToken);
        var attachment = new TicketAttachment
        {
            TicketId = ticket.Id, EventId = entry.Id, FileName = file.Name, ContentType = file.ContentType, Size = bytes.Length,
            Content = bytes, Sha256 = sha, UploadedAt = now, UploadedByUserId = viewer.UserId,
        };
        db.Set<TicketAttachment>().Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return new AttachedFile(attachment.Id, file.Name, file.ContentType, bytes.Length, true);
    }
}
