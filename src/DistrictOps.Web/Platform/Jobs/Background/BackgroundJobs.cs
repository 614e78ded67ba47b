using System.Collections.Concurrent;
using System.Threading.Channels;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Platform.Jobs.Background;

/// <summary>What a page or the API shows of a job: its state, the step now running and how far along it is.</summary>
public sealed record BackgroundJobStatus(
    Guid Id, string Kind, BackgroundJobState State, string? Step, string? StepSubject, int Percent, string? ResultUrl, string? Message,
    DateTimeOffset QueuedAt, DateTimeOffset? FinishedAt)
{
    public bool IsFinished => State is BackgroundJobState.Succeeded or BackgroundJobState.Failed or BackgroundJobState.Interrupted;
}

/// <summary>
/// The queue of background jobs in this process: a bounded channel of job ids read by <see cref="BackgroundJobWorker"/>, one
/// job at a time. The jobs themselves are rows, so their state outlives the request and the browser; the progress of a
/// running job is also held here, because its latest value may not be written yet while the work holds the database.
/// </summary>
public sealed class BackgroundJobs(TimeProvider clock)
{
    public const int Capacity = 8;

    public const string InterruptedMessage = "The server restarted before this job finished; nothing of it was kept. Start it again.";

    private readonly Channel<Guid> _queue = Channel.CreateBounded<Guid>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, BackgroundProgress> _live = new();

    /// <summary>The machine name: a restart marks the unfinished jobs of this machine interrupted.</summary>
    public static string Node => Environment.MachineName;

    internal ChannelReader<Guid> Reader => _queue.Reader;

    /// <summary>
    /// Adds a queued job to the caller's unit of work (saved with what the caller saves, then <see cref="StartAsync"/>);
    /// null when the queue is full.
    /// </summary>
    public BackgroundJob? Add(AppDbContext db, string kind, string input, string requestedBy)
    {
        if (_queue.Reader.Count >= Capacity)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var job = new BackgroundJob
        {
            Id = Guid.CreateVersion7(now), Kind = kind, Input = input, State = BackgroundJobState.Queued, Node = Node,
            RequestedBy = requestedBy, QueuedAt = now, Step = "Waiting for its turn",
        };
        db.Add(job);
        return job;
    }

    /// <summary>Hands a saved job to the worker.</summary>
    public ValueTask StartAsync(Guid jobId, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(jobId, cancellationToken);

    public async Task<BackgroundJobStatus?> StatusAsync(AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var status = await db.Set<BackgroundJob>().AsNoTracking().Where(j => j.Id == id)
            .Select(j => new BackgroundJobStatus(j.Id, j.Kind, j.State, j.Step, j.StepSubject, j.Percent, j.ResultUrl, j.Message, j.QueuedAt, j.FinishedAt))
            .SingleOrDefaultAsync(cancellationToken);
        return status is { State: BackgroundJobState.Running } && _live.TryGetValue(id, out var live)
            ? status with { Step = live.Step, StepSubject = live.Subject, Percent = live.Percent }
            : status;
    }

    internal void Report(Guid id, BackgroundProgress progress) => _live[id] = progress;

    internal BackgroundProgress? Live(Guid id) => _live.GetValueOrDefault(id);

    internal void Forget(Guid id) => _live.TryRemove(id, out _);
}
