using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Platform.Jobs;

public enum JobOutcome
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>One run of a scheduled job: when, what it changed, and how it ended. Kept so staff can see what automations did.</summary>
public sealed class JobRun
{
    public const int JobMaxLength = 100;

    public long Id { get; set; }

    public required string Job { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public JobOutcome Outcome { get; set; }

    /// <summary>How many things the run changed; a second run over the same state changes none.</summary>
    public int Changed { get; set; }

    public string? Summary { get; set; }

    /// <summary>Who asked for it: "schedule", or the user or command that ran it by hand.</summary>
    public required string TriggeredBy { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("platform_job_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Job).HasMaxLength(JobRun.JobMaxLength);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Summary).HasMaxLength(2_000);
        builder.Property(r => r.TriggeredBy).HasMaxLength(255);
        builder.HasIndex(r => new { r.Job, r.StartedAt });
        builder.HasIndex(r => r.StartedAt);
    }
}
