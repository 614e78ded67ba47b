using System.Security.Claims;
using System.Text.Encodings.Web;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Auth;

/// <summary>Authenticates <c>Authorization: Bearer dop_…</c> against the stored token hashes.</summary>
internal sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IUserClaimsPrincipalFactory<AppUser> principals,
    TokenSignInCache cache,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        var hash = PersonalAccessToken.Hash(secret);
        // One statement on every request: the token's own state and its account's stamps, read fresh, so a token revoked or
        // an account disabled by anyone (the CLI, another instance) stops at once. Only the principal is kept in memory.
        var token = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t.Id, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.UserId, u.ConcurrencyStamp, u.DisabledAt })
            .SingleOrDefaultAsync(Context.RequestAborted);
        var now = time.GetUtcNow();
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The bearer token is unknown, revoked or expired.");
        }

        // Any change the account manager makes to the account (roles, claims, security stamp, lockout) renews its
        // concurrency stamp, so a copy made before it is never found.
        var principal = token.DisabledAt is null
            ? await cache.GetAsync(db, $"{token.UserId:N}:{token.ConcurrencyStamp}", () => PrincipalAsync(token.UserId))
            : null;
        if (principal is null)
        {
            return AuthenticateResult.Fail("The token's user may not sign in or was removed.");
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUsedResolution)
        {
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        // A copy per request: the cached principal is shared, and later steps of a request may add to theirs.
        return AuthenticateResult.Success(new AuthenticationTicket(principal.Clone(), SchemeName));
    }

    private async Task<ClaimsPrincipal?> PrincipalAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        // Not the interactive lockout: wrong passwords typed by anybody at the sign-in page must not stop an integration.
        return user is not null && await signIn.CanSignInAsync(user) ? await principals.CreateAsync(user) : null;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
