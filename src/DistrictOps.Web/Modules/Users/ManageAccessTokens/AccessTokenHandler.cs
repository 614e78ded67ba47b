using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Users.ManageAccessTokens;

public sealed record CreatedToken(Guid Id, string Name, string Secret, DateTimeOffset? ExpiresAt);

public sealed record TokenRow(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>Creates, lists and revokes a user's personal access tokens. The secret exists only in the create result.</summary>
public sealed class AccessTokenHandler(AppDbContext db, TimeProvider time)
{
    public async Task<Result<CreatedToken>> CreateAsync(Guid userId, string? name, int? expiresInDays, CancellationToken cancellationToken = default)
    {
        var errors = new ErrorList();
        var nameRule = $"Give the token a name of 1 to {PersonalAccessToken.NameMaxLength} characters, such as the integration that will use it.";
        var trimmed = errors.Required("name", name, nameRule);
        errors.MaxLength("name", trimmed, PersonalAccessToken.NameMaxLength, nameRule);
        errors.Range("expiresInDays", expiresInDays, 1, PersonalAccessToken.MaxExpiryDays,
            $"Expiry must be 1 to {PersonalAccessToken.MaxExpiryDays} days, or none; got {expiresInDays}.");
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        name = trimmed!;
        var now = time.GetUtcNow();
        var active = await ActiveNamedAsync(userId, name, now, cancellationToken);
        if (active is not null)
        {
            return Result.Invalid("name", $"An active token named '{name}' exists already; revoke it first or choose another name.");
        }

        var secret = PersonalAccessToken.NewSecret();
        var token = new PersonalAccessToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = name,
            TokenHash = PersonalAccessToken.Hash(secret),
            Hint = secret[..(PersonalAccessToken.SecretPrefix.Length + 4)],
            CreatedAt = now,
            ExpiresAt = expiresInDays is null ? null : now.AddDays(expiresInDays.Value),
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedToken(token.Id, token.Name, secret, token.ExpiresAt);
    }

    public async Task<Result<TokenRow>> RevokeAsync(Guid userId, string name, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var token = await ActiveNamedAsync(userId, name.Trim(), now, cancellationToken);
        if (token is null)
        {
            return Result.NotFound($"There is no active token named '{name}'.");
        }

        token.RevokedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return ToRow(token);
    }

    public async Task<IReadOnlyList<TokenRow>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken))
            .OrderByDescending(t => t.CreatedAt).Select(ToRow).ToList();

    private async Task<PersonalAccessToken?> ActiveNamedAsync(Guid userId, string name, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.PersonalAccessTokens.Where(t => t.UserId == userId && t.Name == name && t.RevokedAt == null).ToListAsync(cancellationToken))
            .FirstOrDefault(t => t.IsActive(now));

    private static TokenRow ToRow(PersonalAccessToken t) => new(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}
