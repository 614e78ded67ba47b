using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Encodings.Web;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Auth;

/// <summary>Authenticates <c>Authorization: Bearer dop_…</c> against the stored token hashes.</summary>
internal sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    TokenSignInCache cache,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    // Compiled once per model (a compiled query serves one; the two providers have one each): the statement every API request
    // runs first, without building and looking up its expression each time.
    private static readonly ConditionalWeakTable<IModel, Func<AppDbContext, string, CancellationToken, Task<TokenState?>>> FindToken = [];

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
        var find = FindToken.GetValue(db.Model, _ => EF.CompileAsyncQuery(
            (AppDbContext context, string tokenHash, CancellationToken cancellationToken) => context.PersonalAccessTokens.AsNoTracking()
                .Where(t => t.TokenHash == tokenHash)
                .Join(context.Users, t => t.UserId, u => u.Id, (t, u) => new TokenState(t.Id, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.UserId, u.ConcurrencyStamp, u.DisabledAt))
                .SingleOrDefault()));
        var token = await find(db, hash, Context.RequestAborted);
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

    // The account manager's services are a large graph; only a request whose principal is not held yet needs them.
    private async Task<ClaimsPrincipal?> PrincipalAsync(Guid userId)
    {
        var services = Context.RequestServices;
        var signIn = services.GetRequiredService<SignInManager<AppUser>>();
        var principals = services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId.ToString());
        // Not the interactive lockout: wrong passwords typed by anybody at the sign-in page must not stop an integration.
        return user is not null && await signIn.CanSignInAsync(user) ? await principals.CreateAsync(user) : null;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private sealed record TokenState(Guid Id, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, Guid UserId, string? ConcurrencyStamp, DateTimeOffset? DisabledAt);
}
