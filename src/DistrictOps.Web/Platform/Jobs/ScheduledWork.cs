using System.ComponentModel.DataAnnotations;

namespace DistrictOps.Web.Platform.Jobs;

/// <summary>What a run did, for the run log: how many things it changed and a sentence staff can read.</summary>
public sealed record WorkDone(int Changed, string Summary);

/// <summary>
/// Work a module schedules. It must be idempotent: it reads the state it acts on and records what it did there,
/// so a run that repeats (two nodes, a retry, "Run now" twice) changes nothing the second time.
/// </summary>
public interface IScheduledWork
{
    Task<WorkDone> RunAsync(CancellationToken cancellationToken);
}

/// <summary>A scheduled job as a module declares it: a stable name ("helpdesk.close-solved"), how often, and what it does.</summary>
public sealed record ScheduledJob(string Name, Type WorkType, TimeSpan Interval, string Description);

/// <summary>The <c>Jobs</c> configuration section.</summary>
public sealed class JobOptions : IValidatableObject
{
    public const string Section = "Jobs";

    /// <summary>Run jobs on their schedules in the web app. Off, they run only by hand (page, API or CLI); tests turn it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Per job, a different interval than the module's default, e.g. <c>Jobs:Intervals:helpdesk.close-solved = 00:30:00</c>.</summary>
    public Dictionary<string, TimeSpan> Intervals { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Intervals.Where(i => i.Value <= TimeSpan.Zero)
            .Select(i => new ValidationResult($"{nameof(Intervals)}:{i.Key} must be a positive time span such as 00:30:00."));
}
