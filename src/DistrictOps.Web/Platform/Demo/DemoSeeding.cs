using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Demo;

public enum DemoSeedState
{
    Running,
    Finished,
    Failed,
}

/// <summary>One moment of the demo seeding, as the setting-up page and the readiness check read it.</summary>
public sealed record DemoSeedSnapshot(DemoSeedState State, IReadOnlyList<string> Steps, int StepsDone, string? Failure)
{
    /// <summary>Whole percent of the steps done; 0 until the steps are known.</summary>
    public int Percent => Steps.Count == 0 ? 0 : StepsDone * 100 / Steps.Count;

    public string? CurrentStep => State == DemoSeedState.Running && StepsDone < Steps.Count ? Steps[StepsDone] : null;
}

/// <summary>
/// Where the background demo seeding stands. Demo mode starts running (pages wait behind the setting-up page from the
/// first request); without demo mode there is nothing to wait for.
/// </summary>
public sealed class DemoSeedProgress
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DemoSeedSnapshot _snapshot;

    public DemoSeedProgress(IOptions<DemoOptions> options)
    {
        _snapshot = new DemoSeedSnapshot(options.Value.Seed ? DemoSeedState.Running : DemoSeedState.Finished, [], 0, null);
        if (!options.Value.Seed)
        {
            _finished.SetResult();
        }
    }

    public DemoSeedSnapshot Current
    {
        get
        {
            lock (_lock)
            {
                return _snapshot;
            }
        }
    }

    /// <summary>Completes when the seeding has finished or failed; <see cref="Current"/> says which.</summary>
    public Task WhenDone => _finished.Task;

    internal void Begin(IReadOnlyList<string> steps) => Update(s => s with { Steps = steps, StepsDone = 0 });

    internal void StepDone() => Update(s => s with { StepsDone = s.StepsDone + 1 });

    internal void Finish()
    {
        Update(s => s with { State = DemoSeedState.Finished });
        _finished.TrySetResult();
    }

    internal void Fail(string failure)
    {
        Update(s => s with { State = DemoSeedState.Failed, Failure = failure });
        _finished.TrySetResult();
    }

    private void Update(Func<DemoSeedSnapshot, DemoSeedSnapshot> change)
    {
        lock (_lock)
        {
            _snapshot = change(_snapshot);
        }
    }
}

/// <summary>
/// Runs the modules' demo seeds in order after start-up, so the app answers at once (with the setting-up page) while
/// an empty database is filled. Migrations have already run before the host starts.
/// </summary>
internal sealed class DemoSeeder(IServiceScopeFactory scopes, DemoSeedProgress progress, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Seed)
        {
            return;
        }

        // The seeds do much of their work synchronously (SQLite, generating the district): off the start-up thread.
        await Task.Run(() => SeedAsync(stoppingToken), stoppingToken);
    }

    /// <summary>
    /// CPU time of the whole process (every thread, requests included): on a shared machine the wall time of a step says
    /// more about the neighbours than about the step.
    /// </summary>
    private static TimeSpan ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        using var trace = TraceScope.Begin(logger, "DistrictOps.DemoSeeding", "Demo seeding");
        var total = Stopwatch.StartNew();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var seeds = scope.ServiceProvider.GetServices<IDemoSeed>().OrderBy(s => s.Order).ToList();
            progress.Begin(seeds.Select(s => s.Title).ToList());
            var totalCpu = ProcessorTime();
            foreach (var seed in seeds)
            {
                var step = Stopwatch.StartNew();
                var cpu = ProcessorTime();
                await seed.SeedAsync(cancellationToken);
                logger.LogInformation(
                    "Demo seed step {Step} took {Milliseconds} ms ({CpuMilliseconds} ms process CPU).", seed.Title, step.ElapsedMilliseconds, (long)(ProcessorTime() - cpu).TotalMilliseconds);
                progress.StepDone();
            }

            progress.Finish();
            logger.LogInformation(
                "Demo seeding finished in {Milliseconds} ms ({CpuMilliseconds} ms process CPU).", total.ElapsedMilliseconds, (long)(ProcessorTime() - totalCpu).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.Fail("Stopped while setting up the demo district.");
        }
        catch (Exception e)
        {
            logger.LogError(e, "Demo seeding failed after {Milliseconds} ms.", total.ElapsedMilliseconds);
            progress.Fail(e.Message);
        }
    }
}
