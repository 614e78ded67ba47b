using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Platform.Jobs.Background;

public enum BackgroundJobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Interrupted,
}

/// <summary>
/// Work a person started that runs after their request has answered (an import of a whole roster): where it stands,
/// kept in the database so a reload, another tab or another day shows it.
/// </summary>
public sealed class BackgroundJob
{
    public const int KindMaxLength = 100;
    public const int StepMaxLength = 200;
    public const int MessageMaxLength = 2_000;

    public Guid Id { get; set; }

    /// <summary>The declared kind of work, e.g. <c>directory.import</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>What the work needs to start, as the kind defines it (ids, never file contents).</summary>
    public required string Input { get; set; }

    public BackgroundJobState State { get; set; }

    /// <summary>The step now running, as an English template with at most one <c>{0}</c> filled by <see cref="StepSubject"/>.</summary>
    public string? Step { get; set; }

    public string? StepSubject { get; set; }

    public int Percent { get; set; }

    /// <summary>Where the person sees the result once the job has finished.</summary>
    public string? ResultUrl { get; set; }

    /// <summary>Why it failed or was interrupted, in words for the person; stack traces stay in the log.</summary>
    public string? Message { get; set; }

    /// <summary>The machine that runs it: a restart there marks its unfinished jobs interrupted.</summary>
    public required string Node { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool IsFinished => State is BackgroundJobState.Succeeded or BackgroundJobState.Failed or BackgroundJobState.Interrupted;
}

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> builder)
    {
        builder.ToTable("platform_background_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Kind).HasMaxLength(BackgroundJob.KindMaxLength);
        builder.Property(j => j.Input).HasMaxLength(BackgroundJob.MessageMaxLength);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Step).HasMaxLength(BackgroundJob.StepMaxLength);
        builder.Property(j => j.StepSubject).HasMaxLength(BackgroundJob.StepMaxLength);
        builder.Property(j => j.ResultUrl).HasMaxLength(BackgroundJob.StepMaxLength);
        builder.Property(j => j.Message).HasMaxLength(BackgroundJob.MessageMaxLength);
        builder.Property(j => j.Node).HasMaxLength(255);
        builder.Property(j => j.RequestedBy).HasMaxLength(255);
        builder.Ignore(j => j.IsFinished);
        builder.HasIndex(j => new { j.Node, j.State });
    }
}
