using System.Security.Cryptography;
using System.Text;
using DistrictOps.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Modules.Users.Data;

/// <summary>
/// A password reset link an administrator issued. Only the SHA-256 of its secret is stored, so a copy of the database
/// opens no account; it works once (<see cref="UsedAt"/>) and until <see cref="ExpiresAt"/>. Issuing a new one for the same
/// account ends the earlier ones (their expiry is set to the moment of the new one).
/// </summary>
public sealed class PasswordResetLink
{
    public long Id { get; set; }

    public Guid UserId { get; set; }

    public required string TokenHash { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // 256 random bits cannot be guessed from their hash, so no salt or stretching is needed.
    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

internal sealed class PasswordResetLinkConfiguration : IEntityTypeConfiguration<PasswordResetLink>
{
    public void Configure(EntityTypeBuilder<PasswordResetLink> builder)
    {
        builder.ToTable("users_password_reset_links");
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
