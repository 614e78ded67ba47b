using System.Security.Claims;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Auth;

/// <summary>
/// Sign-in with the district's rules: an account the demo gate refuses cannot sign in (password, SSO or token), an unknown
/// email costs the same password hashing as a known one, and a wrong password never locks the account, because a lockout
/// would let anybody at the sign-in page shut a colleague out; the <see cref="SignInThrottle"/> limits guessing instead.
/// A disabled account (<see cref="AppUser.DisabledAt"/>) cannot sign in either.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    DemoAccountGate demo)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static string? s_unknownAccountHash;

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.DisabledAt is null && !demo.Refuses(user.NormalizedEmail) && await base.CanSignInAsync(user);

    public async Task<SignInResult> PasswordSignInByEmailAsync(string email, string password)
    {
        var user = await UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            var placeholder = new AppUser { DisplayName = "" };
            s_unknownAccountHash ??= UserManager.PasswordHasher.HashPassword(placeholder, Guid.NewGuid().ToString());
            UserManager.PasswordHasher.VerifyHashedPassword(placeholder, s_unknownAccountHash, password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
    }

    /// <summary>
    /// Every request with a session cookie: one query compares the cookie's security stamp with the account's, so sign-out
    /// (which changes the stamp) ends every copy of every session of that account at once. The claims themselves are still
    /// refreshed on Identity's interval.
    /// </summary>
    public static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.UserId();
        var account = userId is null
            ? null
            : await services.GetRequiredService<AppDbContext>().Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.NormalizedEmail, u.DisabledAt })
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (account is null
            || account.SecurityStamp != context.Principal!.FindFirstValue(stampClaim)
            || account.DisabledAt is not null
            || services.GetRequiredService<DemoAccountGate>().Refuses(account.NormalizedEmail))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
