using System.Security.Claims;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Auth;

/// <summary>Adds the display name and site scope to the principal built for cookies and tokens alike.</summary>
internal sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "districtops:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.PersonId is { } personId)
        {
            identity.AddClaim(new Claim(ClaimsPrincipalExtensions.PersonClaim, personId.ToString()));
        }

        var sites = await db.UserSites.Where(s => s.UserId == user.Id).Select(s => s.SiteId).ToListAsync();
        identity.AddClaims(sites.Select(s => new Claim(ClaimsPrincipalExtensions.SiteClaim, s.ToString())));
        return identity;
    }
}
