using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.UploadImport;

/// <summary>
/// A OneRoster zip sent through the web: kept in the database between its plan and its apply, so the
/// person reviews exactly what will be applied and any node can apply it.
/// </summary>
public sealed class UploadImportHandler(AppDbContext db, OneRosterImporter importer, TimeProvider time)
{
    public async Task<Guid> SaveAsync(string name, Stream content, string uploadedBy, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var upload = new ImportUpload
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Name = Path.GetFileName(name),
            Content = buffer.ToArray(),
            UploadedAt = time.GetUtcNow(),
            UploadedBy = uploadedBy,
        };
        db.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(upload).State = EntityState.Detached;
        return upload.Id;
    }

    /// <summary>Plans or applies an upload; null when there is no such upload (applied already, or never sent).</summary>
    public async Task<ImportOutcome?> RunAsync(Guid uploadId, bool apply, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var upload = await db.Set<ImportUpload>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == uploadId, cancellationToken);
        if (upload is null)
        {
            return null;
        }

        var errors = new ImportErrorLog();
        ImportOutcome outcome;
        using (var package = OneRosterPackage.OpenZip(new MemoryStream(upload.Content, writable: false), upload.Name, errors))
        {
            outcome = package is null
                ? new ImportOutcome(new ImportPlan(upload.Name, "", [], errors.Errors, errors.Total, []), null)
                : apply
                    ? await importer.ApplyAsync(package, errors, options, cancellationToken)
                    : await importer.PlanAsync(package, errors, options, cancellationToken);
        }

        if (outcome.RunId is not null)
        {
            await db.Set<ImportUpload>().Where(u => u.Id == uploadId).ExecuteDeleteAsync(cancellationToken);
        }

        return outcome;
    }
}
