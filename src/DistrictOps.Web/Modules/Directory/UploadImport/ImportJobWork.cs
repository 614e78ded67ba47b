using System.IO.Compression;
using System.Text.Json;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs.Background;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.UploadImport;

/// <summary>
/// Plans or applies one attempt's upload in the background, reporting the importer's steps as progress, and keeps the plan
/// with the attempt. An upload whose plan has errors, or that was applied, is deleted: it holds a whole roster.
/// </summary>
public sealed class ImportJobWork(AppDbContext db, OneRosterImporter importer, StaffImporter staff, TimeProvider time) : IBackgroundWork
{
    public async Task<string?> RunAsync(BackgroundJobContext job, CancellationToken cancellationToken)
    {
        var input = JsonSerializer.Deserialize<ImportJobInput>(job.Input) ?? throw new InvalidOperationException("The job has no input.");
        var attempt = await db.Set<ImportAttempt>().SingleAsync(a => a.Id == input.AttemptId, cancellationToken);
        var url = $"/directory/imports/attempts/{attempt.Id}";
        var upload = await db.Set<ImportUpload>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == attempt.UploadId, cancellationToken);
        if (upload is null)
        {
            await FinishAsync(attempt, AttemptOutcome.Failed, null, null, cancellationToken);
            throw new BackgroundWorkFailedException("The upload was applied already or has expired; send the file again.", url);
        }

        var options = new ImportOptions(input.AllowShrink, RunBy: job.RequestedBy)
        {
            Progress = new Progress<ImportStep>(step => job.Report(step.Step, step.File, step.Percent)),
        };
        try
        {
            var outcome = attempt.Kind == ImportKind.HrStaff
                ? await RunStaffAsync(upload, options, attempt.Apply, job, cancellationToken)
                : await RunOneRosterAsync(upload, options, attempt.Apply, cancellationToken);
            await FinishAsync(attempt, UploadImportHandler.OutcomeOf(outcome, attempt.Apply), outcome.Plan, outcome.RunId, cancellationToken);
            if (outcome.Plan.ErrorCount > 0 || outcome.RunId is not null)
            {
                await db.Set<ImportUpload>().Where(u => u.Id == upload.Id).ExecuteDeleteAsync(cancellationToken);
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            await FinishAsync(attempt, AttemptOutcome.Failed, null, null, CancellationToken.None);
            throw;
        }

        return url;
    }

    private async Task<ImportOutcome> RunOneRosterAsync(ImportUpload upload, ImportOptions options, bool apply, CancellationToken cancellationToken)
    {
        var errors = new ImportErrorLog();
        using var package = OneRosterPackage.OpenZip(new MemoryStream(upload.Content, writable: false), upload.Name, errors);
        return package is null
            ? new ImportOutcome(new ImportPlan(upload.Name, "", [], errors.Errors, errors.Total, []), null)
            : apply
                ? await importer.ApplyAsync(package, errors, options, cancellationToken)
                : await importer.PlanAsync(package, errors, options, cancellationToken);
    }

    /// <summary>The HR files travel as a zip of staff.csv and coverage.csv; the HR import reads a folder.</summary>
    private async Task<ImportOutcome> RunStaffAsync(ImportUpload upload, ImportOptions options, bool apply, BackgroundJobContext job, CancellationToken cancellationToken)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("districtops-hr-");
        try
        {
            // The HR import names the run after its folder: the upload's name.
            var named = folder.CreateSubdirectory(Path.GetFileNameWithoutExtension(upload.Name));
            job.Report(apply ? "Writing {0}" : "Checking {0}", StaffImporter.StaffFile, 10);
            await using (var zip = new ZipArchive(new MemoryStream(upload.Content, writable: false), ZipArchiveMode.Read))
            {
                foreach (var entry in zip.Entries.Where(e => e.Name is StaffImporter.StaffFile or StaffImporter.CoverageFile))
                {
                    await entry.ExtractToFileAsync(Path.Combine(named.FullName, entry.Name), overwrite: true, cancellationToken);
                }
            }

            return await staff.RunAsync(named.FullName, new ImportErrorLog(), options, apply, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task FinishAsync(ImportAttempt attempt, AttemptOutcome outcome, ImportPlan? plan, Guid? runId, CancellationToken cancellationToken)
    {
        var reportJson = plan is null ? null : ReportJson.Of(plan);
        var finishedAt = time.GetUtcNow();
        await db.Set<ImportAttempt>().Where(a => a.Id == attempt.Id).ExecuteUpdateAsync(a => a
            .SetProperty(x => x.Outcome, outcome)
            .SetProperty(x => x.FinishedAt, finishedAt)
            .SetProperty(x => x.RunId, runId)
            .SetProperty(x => x.ErrorCount, plan == null ? 0 : plan.ErrorCount)
            .SetProperty(x => x.WarningCount, plan == null ? 0 : plan.WarningCount)
            .SetProperty(x => x.ReportJson, reportJson), cancellationToken);
    }
}
