using System.Text.Json;
using System.Text.Json.Serialization;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs.Background;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Uploads;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.UploadImport;

/// <summary>What an attempt's page shows: the attempt, its job while it runs, and its report once planned.</summary>
public sealed record ImportAttemptView(
    Guid Id, ImportKind Kind, string Source, bool Apply, AttemptOutcome Outcome, string RequestedBy, DateTimeOffset StartedAt,
    Guid? RunId, bool CanApply, BackgroundJobStatus? Job, ImportReport? Report);

/// <summary>What the background job of an attempt needs: the attempt, and whether the shrink guard was overruled.</summary>
public sealed record ImportJobInput(Guid AttemptId, bool AllowShrink);

/// <summary>
/// An import file sent through the web: kept in the database between its plan and its apply, so the person reviews exactly
/// what will be applied and any node can apply it. Planning and applying are attempts run as background jobs
/// (<see cref="ImportJobWork"/>), so a district's whole roster never holds a request open.
/// </summary>
public sealed class UploadImportHandler(AppDbContext db, BackgroundJobs jobs, TimeProvider time)
{
    public const string JobKind = "directory.import";

    /// <summary>Stores the file and queues its plan; the attempt's page shows the progress, then the plan.</summary>
    public Task<Result<Guid>> PlanAsync(ImportKind kind, string name, byte[] content, string requestedBy, CancellationToken cancellationToken = default)
    {
        var upload = new ImportUpload
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Name = kind == ImportKind.OneRoster ? UploadNames.Clean(name, "roster", ".zip") : UploadNames.Clean(name, "hr", ".zip"),
            Content = content,
            UploadedAt = time.GetUtcNow(),
            UploadedBy = requestedBy,
        };
        db.Add(upload);
        return StartAsync(kind, upload.Name, upload.Id, apply: false, allowShrink: false, requestedBy, cancellationToken);
    }

    /// <summary>
    /// Queues the apply of a planned attempt's upload once the person confirmed it; confirming a plan the shrink guard refused
    /// overrules the guard.
    /// </summary>
    public async Task<Result<Guid>> ApplyAsync(Guid attemptId, bool confirmed, string requestedBy, CancellationToken cancellationToken = default)
    {
        var planned = await db.Set<ImportAttempt>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == attemptId, cancellationToken);
        if (planned is null)
        {
            return Result.NotFound($"There is no import attempt {attemptId}.");
        }

        var uploadKept = planned.UploadId is { } uploadId && await db.Set<ImportUpload>().AnyAsync(u => u.Id == uploadId, cancellationToken);
        if (planned.Apply || planned.Outcome is not (AttemptOutcome.Planned or AttemptOutcome.RefusedByGuard) || !uploadKept)
        {
            return Result.Conflict("That upload was applied already or has expired; send the file again.");
        }

        if (!confirmed)
        {
            return Result.Invalid("confirm", "Tick the confirmation box to say you reviewed these changes, then apply.");
        }

        return await StartAsync(planned.Kind, planned.Source, planned.UploadId, apply: true, planned.Outcome == AttemptOutcome.RefusedByGuard, requestedBy, cancellationToken);
    }

    public async Task<Result<ImportAttemptView>> GetAsync(Guid attemptId, CancellationToken cancellationToken = default)
    {
        var attempt = await db.Set<ImportAttempt>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == attemptId, cancellationToken);
        if (attempt is null)
        {
            return Result.NotFound($"There is no import attempt {attemptId}.");
        }

        var job = attempt.JobId is { } jobId ? await jobs.StatusAsync(db, jobId, cancellationToken) : null;
        var report = attempt.ReportJson is null ? null : JsonSerializer.Deserialize<ImportReport>(attempt.ReportJson, ReportJson.Options);
        var uploadKept = attempt.UploadId is { } uploadId && await db.Set<ImportUpload>().AnyAsync(u => u.Id == uploadId, cancellationToken);
        var canApply = !attempt.Apply && uploadKept && attempt.Outcome is AttemptOutcome.Planned or AttemptOutcome.RefusedByGuard;
        return new ImportAttemptView(attempt.Id, attempt.Kind, attempt.Source, attempt.Apply, attempt.Outcome, attempt.RequestedBy, attempt.StartedAt,
            attempt.RunId, canApply, job, report);
    }

    /// <summary>Keeps an attempt the API or the CLI ran while it waited, so the runs page and the report show it as well.</summary>
    public async Task<Guid> RecordAsync(ImportKind kind, string source, bool apply, string requestedBy, ImportOutcome outcome, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var attempt = new ImportAttempt
        {
            Id = Guid.CreateVersion7(now), Kind = kind, Source = source, Apply = apply, RequestedBy = requestedBy, StartedAt = now, FinishedAt = now,
            Outcome = OutcomeOf(outcome, apply), RunId = outcome.RunId, ErrorCount = outcome.Plan.ErrorCount, WarningCount = outcome.Plan.WarningCount,
            ReportJson = ReportJson.Of(outcome.Plan),
        };
        db.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(attempt).State = EntityState.Detached;
        return attempt.Id;
    }

    internal static AttemptOutcome OutcomeOf(ImportOutcome outcome, bool apply) => outcome.Plan switch
    {
        { ErrorCount: > 0 } => AttemptOutcome.Invalid,
        { Refusals.Count: > 0 } => AttemptOutcome.RefusedByGuard,
        { ChangesNothing: true } => AttemptOutcome.Unchanged,
        _ => apply && outcome.RunId is not null ? AttemptOutcome.Applied : AttemptOutcome.Planned,
    };

    private async Task<Result<Guid>> StartAsync(
        ImportKind kind, string source, Guid? uploadId, bool apply, bool allowShrink, string requestedBy, CancellationToken cancellationToken)
    {
        var attempt = new ImportAttempt
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), Kind = kind, Source = source, Apply = apply, RequestedBy = requestedBy,
            StartedAt = time.GetUtcNow(), Outcome = AttemptOutcome.Running, UploadId = uploadId,
        };
        var job = jobs.Add(db, JobKind, JsonSerializer.Serialize(new ImportJobInput(attempt.Id, allowShrink)), requestedBy);
        if (job is null)
        {
            return Result.Conflict("Other imports are waiting to run; send the file again in a few minutes.");
        }

        attempt.JobId = job.Id;
        db.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        await jobs.StartAsync(job.Id, cancellationToken);
        return attempt.Id;
    }
}

/// <summary>How a kept report is written and read.</summary>
internal static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Of(ImportPlan plan) => JsonSerializer.Serialize(ImportReport.From(plan), Options);
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
