using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Platform.Email;

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change it reports, so a
/// rolled-back change sends nothing and a sent message is never lost to a crash.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public string? HtmlBody { get; set; }

    /// <summary>Which event produced it ("helpdesk.ticket-created"), for support and tests.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("platform_email_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.LastError).HasMaxLength(1_000);
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
