using System.Security.Claims;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DistrictOps.Web.Platform.Auth;

/// <summary>The <c>Authentication:Oidc</c> section: district single sign-on, off unless an authority is set.</summary>
public sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";

    [HttpUrl]
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string DisplayName { get; set; } = "District account";

    public string[] Scopes { get; set; } = ["openid", "profile", "email"];

    /// <summary>
    /// Links an account by an email the provider does not mark verified. Only for a provider where the district
    /// issues every address itself (its own tenant), because elsewhere anyone can claim a staff member's email.
    /// </summary>
    public bool TrustUnverifiedEmail { get; set; }

    /// <summary>The email that may link the provider's account to a DistrictOps user, or null when none may.</summary>
    public string? LinkableEmail(ClaimsPrincipal principal)
    {
        var email = principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email);
        var verified = string.Equals(principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        return string.IsNullOrWhiteSpace(email) || !(verified || TrustUnverifiedEmail) ? null : email;
    }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

public static class AuthServiceCollectionExtensions
{
    public const string SmartScheme = "DistrictOps";
    public const string OidcScheme = "oidc";

    public static IServiceCollection AddPlatformAuth(this IServiceCollection services, IConfiguration configuration, IEnumerable<Permission> permissions)
    {
        services.AddIdentity<AppUser, IdentityRole<Guid>>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<AppUser>, DemoPasswordHasher>());

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "districtops.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = AppSignInManager.ValidateSessionAsync;
        });
        services.AddSingleton<DemoAccountGate>();
        services.AddSingleton<TokenSignInCache>();
        services.AddSingleton(sp => sp.GetRequiredService<TokenSignInCache>().Watch);
        services.AddSettings<SignInOptions>(configuration, SignInOptions.Section);
        services.AddSingleton<SignInThrottle>();

        // Pages use the Identity cookie; /api uses bearer tokens only, so a browser session cannot be
        // ridden by a cross-site request to the API (ADR 0004).
        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie for pages, bearer token for the API", o =>
                o.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments("/api")
                    ? PersonalAccessTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null);

        AddSingleSignOn(services, configuration, authentication);

        var registry = new PermissionRegistry(permissions);
        services.AddSingleton(registry);
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var permission in registry.All)
        {
            authorization.AddPolicy(permission.Name, p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission.Name)));
        }

        return services;
    }

    private static void AddSingleSignOn(IServiceCollection services, IConfiguration configuration, AuthenticationBuilder authentication)
    {
        var oidc = services.AddSettings<OidcOptions>(configuration, OidcOptions.Section);
        if (!oidc.Enabled)
        {
            return;
        }

        authentication.AddOpenIdConnect(OidcScheme, oidc.DisplayName, o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/signin-oidc";
            o.MapInboundClaims = false;
            o.Scope.Clear();
            foreach (var scope in oidc.Scopes)
            {
                o.Scope.Add(scope);
            }
        });
    }
}
