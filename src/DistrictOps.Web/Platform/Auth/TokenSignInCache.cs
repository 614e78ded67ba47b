using System.Security.Claims;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.Web.Platform.Auth;

/// <summary>What a bearer token signs in as: the token's dates, and the principal of its user or null when the user may not sign in.</summary>
internal sealed class TokenSignIn(Guid tokenId, DateTimeOffset? expiresAt, DateTimeOffset? revokedAt, DateTimeOffset? lastUsedAt, ClaimsPrincipal? principal)
{
    private long _lastUsedTicks = lastUsedAt?.UtcTicks ?? 0;

    public Guid TokenId => tokenId;

    public ClaimsPrincipal? Principal => principal;

    public bool IsActive(DateTimeOffset now) => revokedAt is null && (expiresAt is null || expiresAt > now);

    /// <summary>
    /// Whether the stored last use is older than <paramref name="resolution"/>; if so it counts as written now, so of the
    /// requests that share this copy only one writes it.
    /// </summary>
    public bool LastUseDue(DateTimeOffset now, TimeSpan resolution)
    {
        var last = Interlocked.Read(ref _lastUsedTicks);
        return now.UtcTicks - last > resolution.Ticks && Interlocked.CompareExchange(ref _lastUsedTicks, now.UtcTicks, last) == last;
    }
}

/// <summary>
/// A token's sign-in held in memory by the token's hash (ADR 0022): building the principal read seven tables on every API
/// request. Any write through the app to a table the principal is built from (tokens, accounts, their claims, roles, role
/// claims and sites) drops every copy at once, so a revoked token, a disabled account or a removed role stops working on the
/// next request. Recording a token's last use is not such a write (<see cref="TableWatch.Unwatched"/>). Writes this process cannot see (another instance, hand-made SQL) take effect within <see cref="Lifetime"/>.
/// </summary>
internal sealed class TokenSignInCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly TableCopies<string, TokenSignIn?> _copies;

    public TokenSignInCache(TimeProvider clock) => _copies = new(Watch, clock, Lifetime);

    public TableWatch Watch { get; } = new(
        "auth_personal_access_tokens", "auth_users", "auth_user_claims", "auth_user_roles", "auth_roles", "auth_role_claims", "auth_user_sites");

    public Task<TokenSignIn?> GetAsync(AppDbContext db, string tokenHash, Func<Task<TokenSignIn?>> load) => _copies.GetAsync(db, tokenHash, load);
}
