using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Platform.Jobs.Background;

/// <summary>
/// Runs queued background jobs one at a time, each in its own scope. On start it marks the jobs this machine left queued or
/// running interrupted: their work died with the process. A job's progress is written every second from beside the work,
/// so a reload on any node sees it; on SQLite that write waits while the work holds the database, and the node's own
/// pages read the progress from memory meanwhile.
/// </summary>
public sealed class BackgroundJobWorker(
    BackgroundJobs jobs, IEnumerable<BackgroundWorkKind> kinds, IServiceScopeFactory scopes, TimeProvider clock, ILogger<BackgroundJobWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, Type> _kinds = kinds.ToDictionary(k => k.Kind, k => k.WorkType, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            try
            {
                await MarkInterruptedAsync(stoppingToken);
            }
            catch (System.Data.Common.DbException e)
            {
                // An unmigrated or unreachable database must not stop the host: the readiness check reports it.
                logger.LogWarning(e, "Background jobs left unfinished by the last run could not be marked interrupted; the database is not ready.");
            }

            await foreach (var id in jobs.Reader.ReadAllAsync(stoppingToken))
            {
                await RunAsync(id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was running is marked interrupted at the next start.
        }
    }

    public async Task<int> MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var node = BackgroundJobs.Node;
        var interrupted = await db.Set<BackgroundJob>()
            .Where(j => j.Node == node && (j.State == BackgroundJobState.Queued || j.State == BackgroundJobState.Running))
            .ExecuteUpdateAsync(j => j
                .SetProperty(x => x.State, BackgroundJobState.Interrupted)
                .SetProperty(x => x.Message, BackgroundJobs.InterruptedMessage)
                .SetProperty(x => x.FinishedAt, now), cancellationToken);
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} background job(s) left unfinished by the last run of this node were marked interrupted.", interrupted);
        }

        return interrupted;
    }

    private async Task RunAsync(Guid id, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.Set<BackgroundJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, stoppingToken);
        if (job is not { State: BackgroundJobState.Queued })
        {
            return;
        }

        var startedAt = clock.GetUtcNow();
        await db.Set<BackgroundJob>().Where(j => j.Id == id).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.State, BackgroundJobState.Running).SetProperty(x => x.StartedAt, startedAt), stoppingToken);
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var progressWriter = WriteProgressAsync(id, writing.Token);
        var (state, resultUrl, message) = await WorkAsync(scope.ServiceProvider, job, stoppingToken);
        await writing.CancelAsync();
        await progressWriter;
        var last = jobs.Live(id);
        var finishedAt = clock.GetUtcNow();
        await db.Set<BackgroundJob>().Where(j => j.Id == id).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.State, state)
            .SetProperty(x => x.ResultUrl, resultUrl)
            .SetProperty(x => x.Message, message)
            .SetProperty(x => x.Percent, state == BackgroundJobState.Succeeded ? 100 : last == null ? 0 : last.Percent)
            .SetProperty(x => x.FinishedAt, finishedAt), CancellationToken.None);
        jobs.Forget(id);
        logger.LogInformation("Background job {JobId} ({Kind}) {State} in {ElapsedMs:0} ms", id, job.Kind, state, (finishedAt - startedAt).TotalMilliseconds);
    }

    private async Task<(BackgroundJobState State, string? ResultUrl, string? Message)> WorkAsync(IServiceProvider services, BackgroundJob job, CancellationToken stoppingToken)
    {
        if (!_kinds.TryGetValue(job.Kind, out var type))
        {
            return (BackgroundJobState.Failed, null, $"No work of kind '{job.Kind}' is declared on this node.");
        }

        try
        {
            var work = (IBackgroundWork)services.GetRequiredService(type);
            var context = new BackgroundJobContext(job.Id, job.Input, job.RequestedBy, new Progress(jobs, job.Id));
            return (BackgroundJobState.Succeeded, await work.RunAsync(context, stoppingToken), null);
        }
        catch (BackgroundWorkFailedException e)
        {
            return (BackgroundJobState.Failed, e.ResultUrl, Truncate(e.Message));
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The type and message only: stack traces stay in the log, and the log line names no person.
            logger.LogError(e, "Background job {JobId} ({Kind}) failed", job.Id, job.Kind);
            return (BackgroundJobState.Failed, null, Truncate($"{e.GetType().Name}: {e.Message}"));
        }
    }

    private async Task WriteProgressAsync(Guid id, CancellationToken cancellationToken)
    {
        BackgroundProgress? written = null;
        try
        {
            while (true)
            {
                await Task.Delay(ProgressInterval, clock, cancellationToken);
                if (jobs.Live(id) is { } progress && progress != written)
                {
                    written = await TryWriteProgressAsync(id, progress, cancellationToken) ? progress : written;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The work has ended; its final state is written next.
        }
    }

    private async Task<bool> TryWriteProgressAsync(Guid id, BackgroundProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<BackgroundJob>().Where(j => j.Id == id).ExecuteUpdateAsync(j => j
                .SetProperty(x => x.Step, progress.Step)
                .SetProperty(x => x.StepSubject, progress.Subject)
                .SetProperty(x => x.Percent, progress.Percent), cancellationToken);
            return true;
        }
        catch (System.Data.Common.DbException e)
        {
            logger.LogDebug(e, "The progress of background job {JobId} could not be written yet; this node still shows it.", id);
            return false;
        }
    }

    private static string Truncate(string text) => text.Length <= BackgroundJob.MessageMaxLength ? text : text[..(BackgroundJob.MessageMaxLength - 1)] + "…";

    private sealed class Progress(BackgroundJobs jobs, Guid id) : IProgress<BackgroundProgress>
    {
        public void Report(BackgroundProgress value) => jobs.Report(id, value);
    }
}
