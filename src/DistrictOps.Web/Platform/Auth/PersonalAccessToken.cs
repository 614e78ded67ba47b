using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Platform.Auth;

/// <summary>A named bearer token for the API. Only the SHA-256 of the secret is stored.</summary>
public sealed class PersonalAccessToken
{
    public const string SecretPrefix = "dop_";
    public const int NameMaxLength = 100;
    public const int MaxExpiryDays = 3650;

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>The first characters of the secret, so a person can tell tokens apart.</summary>
    public required string Hint { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // The secret has 256 bits of entropy, so a plain SHA-256 cannot be brute-forced; no salt or stretching needed.
    public static string Hash(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.ToTable("auth_personal_access_tokens");
        builder.Property(t => t.Name).HasMaxLength(PersonalAccessToken.NameMaxLength);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Hint).HasMaxLength(16);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => new { t.UserId, t.Name });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.HasMany(u => u.Sites).WithOne().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserSiteConfiguration : IEntityTypeConfiguration<UserSite>
{
    public void Configure(EntityTypeBuilder<UserSite> builder)
    {
        builder.ToTable("auth_user_sites");
        builder.HasKey(s => new { s.UserId, s.SiteId });
        builder.HasIndex(s => s.SiteId);
    }
}
