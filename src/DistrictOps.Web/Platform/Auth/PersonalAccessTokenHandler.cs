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
        var known = await cache.GetAsync(db, hash, () => SignInAsync(hash));
        var now = time.GetUtcNow();
        if (known is null || !known.IsActive(now))
        {
            return AuthenticateResult.Fail("The bearer token is unknown, revoked or expired.");
        }

        if (known.Principal is null)
        {
            return AuthenticateResult.Fail("The token's user may not sign in or was removed.");
        }

        if (known.LastUseDue(now, LastUsedResolution))
        {
            using (TableWatch.Unwatched())
            {
                await db.PersonalAccessTokens.Where(t => t.Id == known.TokenId).ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
            }
        }

        // A copy per request: the cached principal is shared, and later steps of a request may add to theirs.
        return AuthenticateResult.Success(new AuthenticationTicket(known.Principal.Clone(), SchemeName));
    }

    private async Task<TokenSignIn?> SignInAsync(string hash)
    {
        var token = await db.PersonalAccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (token is null)
        {
            return null;
        }

        var user = await users.FindByIdAsync(token.UserId.ToString());
        // Not the interactive lockout: wrong passwords typed by anybody at the sign-in page must not stop an integration.
        var principal = user is not null && await signIn.CanSignInAsync(user) ? await principals.CreateAsync(user) : null;
        return new TokenSignIn(token.Id, token.ExpiresAt, token.RevokedAt, token.LastUsedAt, principal);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
