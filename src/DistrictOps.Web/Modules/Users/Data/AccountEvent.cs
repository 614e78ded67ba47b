using DistrictOps.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Modules.Users.Data;

public enum AccountChange
{
    Created,
    RoleGranted,
    RoleRemoved,
    SiteGranted,
    SiteRemoved,
    Disabled,
    Enabled,
    PasswordChanged,
    ResetLinkIssued,
    PasswordResetByLink,
    DisabledAsLeaver,
}

/// <summary>
/// One change to an account, written in the same transaction as the change: who (a person, the operator or a job) did
/// what to whose account, and when. Never updated or deleted.
/// </summary>
public sealed class AccountEvent
{
    public const int DetailMaxLength = 100;

    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The account changed.</summary>
    public Guid UserId { get; set; }

    /// <summary>The person who changed it; null for the operator at the command line or a job.</summary>
    public Guid? ActorUserId { get; set; }

    /// <summary>The actor's name at the time, so the log reads the same after a rename.</summary>
    public required string ActorName { get; set; }

    public AccountChange Change { get; set; }

    /// <summary>The role's name or the site's id for role and site changes; the HR source for a leaver.</summary>
    public string? Detail { get; set; }
}

internal sealed class AccountEventConfiguration : IEntityTypeConfiguration<AccountEvent>
{
    public void Configure(EntityTypeBuilder<AccountEvent> builder)
    {
        builder.ToTable("users_account_events");
        builder.Property(e => e.ActorName).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.Property(e => e.Change).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(AccountEvent.DetailMaxLength);
        builder.HasIndex(e => new { e.UserId, e.Id });
        builder.HasIndex(e => new { e.ActorUserId, e.Id });
        builder.HasIndex(e => e.At);
    }
}
