using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Uploads;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.UploadImport;

/// <summary>
/// A OneRoster zip sent through the web: kept in the database between its plan and its apply, so the
/// person reviews exactly what will be applied and any node can apply it.
/// </summary>
public sealed class UploadImportHandler(AppDbContext db, OneRosterImporter importer, TimeProvider time)
{
    /// <summary>Plans a package sent through the page; it is stored for the apply only when it has no errors.</summary>
    public async Task<(ImportPlan Plan, Guid? UploadId)> PlanAsync(string name, Stream content, string uploadedBy, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var upload = new ImportUpload
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Name = UploadNames.Clean(name, "roster", ".zip"),
            Content = buffer.ToArray(),
            UploadedAt = time.GetUtcNow(),
            UploadedBy = uploadedBy,
        };
        var outcome = await RunAsync(upload, apply: false, new ImportOptions(), cancellationToken);
        if (outcome.Plan.ErrorCount > 0)
        {
            return (outcome.Plan, null);
        }

        db.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(upload).State = EntityState.Detached;
        return (outcome.Plan, upload.Id);
    }

    /// <summary>Applies a stored upload; null when there is no such upload (applied already, purged, or never sent).</summary>
    public async Task<ImportOutcome?> ApplyAsync(Guid uploadId, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var upload = await db.Set<ImportUpload>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == uploadId, cancellationToken);
        if (upload is null)
        {
            return null;
        }

        var outcome = await RunAsync(upload, apply: true, options, cancellationToken);
        if (outcome.RunId is not null)
        {
            await db.Set<ImportUpload>().Where(u => u.Id == uploadId).ExecuteDeleteAsync(cancellationToken);
        }

        return outcome;
    }

    private async Task<ImportOutcome> RunAsync(ImportUpload upload, bool apply, ImportOptions options, CancellationToken cancellationToken)
    {
        var errors = new ImportErrorLog();
        using var package = OneRosterPackage.OpenZip(new MemoryStream(upload.Content, writable: false), upload.Name, errors);
        return package is null
            ? new ImportOutcome(new ImportPlan(upload.Name, "", [], errors.Errors, errors.Total, []), null)
            : apply
                ? await importer.ApplyAsync(package, errors, options, cancellationToken)
                : await importer.PlanAsync(package, errors, options, cancellationToken);
    }
}

/// <summary>The <c>Directory:Uploads</c> section: how long a checked upload waits for its apply.</summary>
public sealed class ImportUploadOptions
{
    public const string Section = "Directory:Uploads";

    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>Deletes uploads planned and never applied once they are older than the retention: they hold a whole roster.</summary>
public sealed class PurgeImportUploadsWork(AppDbContext db, TimeProvider time, IOptions<ImportUploadOptions> options) : IScheduledWork
{
    public const string Name = "directory.purge-uploads";

    public async Task<WorkDone> RunAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.Value.Retention;
        var purged = await db.Set<ImportUpload>().Where(u => u.UploadedAt < before).ExecuteDeleteAsync(cancellationToken);
        return new WorkDone(purged, $"{purged} upload(s) older than {options.Value.Retention} deleted.");
    }
}
