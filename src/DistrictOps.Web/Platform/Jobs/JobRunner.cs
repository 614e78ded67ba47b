using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Platform.Jobs;

/// <summary>Runs a declared job in its own scope and logs the run, whether the schedule or a person started it.</summary>
public sealed class JobRunner(IEnumerable<ScheduledJob> jobs, IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobRunner> logger)
{
    public IReadOnlyList<ScheduledJob> Jobs { get; } = [.. jobs.OrderBy(j => j.Name, StringComparer.Ordinal)];

    public ScheduledJob? Find(string name) => Jobs.FirstOrDefault(j => j.Name == name);

    /// <summary>Runs the job now; null when no job has that name. A failure is logged on the run and rethrown to a scheduler, not to a person.</summary>
    public async Task<JobRun?> RunAsync(string name, string triggeredBy, CancellationToken cancellationToken)
    {
        if (Find(name) is not { } job)
        {
            return null;
        }

        using var trace = TraceScope.Begin(logger, "DistrictOps.Job", "Job " + job.Name);
        var started = clock.GetTimestamp();
        var run = new JobRun { Job = job.Name, StartedAt = clock.GetUtcNow(), Outcome = JobOutcome.Running, TriggeredBy = triggeredBy };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var work = (IScheduledWork)scope.ServiceProvider.GetRequiredService(job.WorkType);
            var done = await work.RunAsync(cancellationToken);
            run.Outcome = JobOutcome.Succeeded;
            run.Changed = done.Changed;
            run.Summary = Truncate(done.Summary);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception type and message only: job messages name no person, and stack traces stay in the log.
            logger.LogError(e, "Job {Job} failed", job.Name);
            run.Outcome = JobOutcome.Failed;
            run.Summary = Truncate($"{e.GetType().Name}: {e.Message}");
        }

        run.FinishedAt = clock.GetUtcNow();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<JobRun>().Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Outcome, run.Outcome)
                .SetProperty(r => r.Changed, run.Changed)
                .SetProperty(r => r.Summary, run.Summary)
                .SetProperty(r => r.FinishedAt, run.FinishedAt), CancellationToken.None);
        }

        logger.LogInformation("Job {Job} run {RunId} {Outcome} in {ElapsedMs:0} ms, {Changed} changed", job.Name, run.Id, run.Outcome, clock.GetElapsedTime(started).TotalMilliseconds, run.Changed);
        return run;
    }

    private static string Truncate(string text) => text.Length <= 2_000 ? text : text[..1_999] + "…";
}
