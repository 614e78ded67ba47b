using System.Security.Cryptography;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

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

/// <summary>An upload that passed the checks: its clean name, the type its content shows, and the bytes.</summary>
public sealed record CheckedFile(string Name, string ContentType, byte[] Content);

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
    public async Task<Result<CheckedFile>> CheckAsync(string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
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

        return new CheckedFile(SafeName(fileName, type), type, bytes);
    }

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
