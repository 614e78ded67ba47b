using System.Security.Cryptography;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Work.WorkTicket;

/// <summary>The file types a ticket accepts, recognised by their first bytes rather than their names.</summary>
public static class FileSignature
{
    public static string? Detect(ReadOnlySpan<byte> head) => head switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x47, 0x49, 0x46, 0x38, 0x37 or 0x39, 0x61, ..] => "image/gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        _ => null,
    };
}

public sealed record AttachedFile(long Id, string FileName, string ContentType, long Size, bool Added);

/// <summary>
/// Adds a screenshot, photo or PDF to a ticket, within the size limit, typed by its content. The same
/// file attached twice to a ticket is kept once.
/// </summary>
public sealed class AttachFileHandler(AppDbContext db, TicketFinder finder, TimeProvider clock, IOptions<HelpdeskOptions> options)
{
    public const string Field = "file";

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

        var max = options.Value.MaxAttachmentBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return Result.Invalid(Field, $"The file is larger than {max / (1024 * 1024)} MB.");
            }
        }

        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            return Result.Invalid(Field, "The file is empty.");
        }

        var type = FileSignature.Detect(bytes);
        if (type is null)
        {
            return Result.Invalid(Field, "Only pictures (PNG, JPEG, GIF, WebP) and PDF files can be attached; this file's content is neither.");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var existing = await db.Set<TicketAttachment>().AsNoTracking().Where(a => a.TicketId == id && a.Sha256 == sha)
            .Select(a => new AttachedFile(a.Id, a.FileName, a.ContentType, a.Size, false)).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var name = SafeName(fileName, type);
        var now = clock.GetUtcNow();
        var entry = db.Add(ticket, viewer, TicketEventKind.Attachment, now, $"Attached {name}.", isPublic: true);
        await db.SaveChangesAsync(cancellationToken);
        var attachment = new TicketAttachment
        {
            TicketId = id, EventId = entry.Id, FileName = name, ContentType = type, Size = bytes.Length,
            Content = bytes, Sha256 = sha, UploadedAt = now, UploadedByUserId = viewer.UserId,
        };
        db.Set<TicketAttachment>().Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return new AttachedFile(attachment.Id, name, type, bytes.Length, true);
    }

    /// <summary>The attachment's bytes, if the viewer may see its ticket.</summary>
    public async Task<TicketAttachment?> ReadAsync(long ticketId, long attachmentId, Viewer viewer, CancellationToken cancellationToken = default) =>
        await finder.FindAsync(ticketId, viewer, cancellationToken) is null
            ? null
            : await db.Set<TicketAttachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.TicketId == ticketId, cancellationToken);

    private static string SafeName(string? fileName, string type) =>
        UploadNames.Clean(fileName, "attachment", type switch
        {
            "application/pdf" => [".pdf"],
            "image/png" => [".png"],
            "image/jpeg" => [".jpg", ".jpeg"],
            "image/gif" => [".gif"],
            _ => [".webp"],
        });
}
