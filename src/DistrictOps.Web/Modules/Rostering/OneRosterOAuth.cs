using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using DistrictOps.Web.Platform.Data;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation;

namespace DistrictOps.Web.Modules.Rostering;

/// <summary>The <c>Rostering:Api</c> section: the OneRoster API's tokens and pages.</summary>
public sealed class OneRosterApiOptions
{
    public const string Section = "Rostering:Api";

    /// <summary>How long an access token lasts; the app asks for a new one with its client id and secret after it.</summary>
    [Range(1, 1440)]
    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>The most records one page holds; a larger <c>limit</c> is cut to it.</summary>
    [Range(1, 10_000)]
    public int MaxLimit { get; set; } = 1000;
}

/// <summary>What a token lets an app read.</summary>
public enum ApiAccess
{
    /// <summary>Orgs, sessions, courses, classes, users and enrollments.</summary>
    Core,
    Demographics,
}

/// <summary>
/// The OneRoster API's OAuth 2 scopes, in 1.1's and 1.2's spellings and the short form: roster-core (everything but
/// demographics), roster-demographics, and roster (both). A scope means the same at either version's endpoints.
/// </summary>
public static class OneRosterScopes
{
    public const string TokenPath = "/ims/oneroster/oauth/token";
    public const string CoreReadonly = "roster-core.readonly";
    public const string DemographicsReadonly = "roster-demographics.readonly";
    public const string FullReadonly = "roster.readonly";

    private static readonly string[] Prefixes = ["", "https://purl.imsglobal.org/spec/or/v1p1/scope/", "https://purl.imsglobal.org/spec/or/v1p2/scope/"];

    public static IReadOnlyList<string> All { get; } =
        [.. Prefixes.SelectMany(p => new[] { p + CoreReadonly, p + DemographicsReadonly, p + FullReadonly })];

    /// <summary>The short name of a scope in any spelling (<c>roster-core.readonly</c>), or null for a scope not ours.</summary>
    public static string? ShortName(string scope) =>
        All.Contains(scope, StringComparer.Ordinal) ? scope[(scope.LastIndexOf('/') + 1)..] : null;

    public static bool Allows(IEnumerable<string> granted, ApiAccess access)
    {
        var names = granted.Select(ShortName).ToHashSet(StringComparer.Ordinal);
        return names.Contains(FullReadonly) || names.Contains(access == ApiAccess.Core ? CoreReadonly : DemographicsReadonly);
    }
}

/// <summary>
/// OpenIddict as the OneRoster API's OAuth server (client credentials only, ADR 0034) and as the validation of its tokens.
/// Neither becomes a default scheme: pages keep the Identity cookie and /api/v1 its personal tokens; only the OneRoster
/// routes authenticate with OpenIddict's validation scheme, by name.
/// </summary>
internal static class OneRosterOAuth
{
    /// <summary>
    /// OpenIddict insists on a signing and an encryption key, but they protect nothing that outlives the process here:
    /// access tokens are sealed with ASP.NET Data Protection (the key ring the app keeps in its database, shared by every
    /// node), no identity token is issued and no key set is published. One pair per process, made on first use.
    /// </summary>
    private static readonly Lazy<(SecurityKey Signing, SecurityKey Encryption)> UnusedKeys = new(() =>
        (new RsaSecurityKey(RSA.Create(2048)), new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32))));

    public static void AddOneRosterOAuth(this IServiceCollection services)
    {
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris(OneRosterScopes.TokenPath.TrimStart('/'));
                o.AllowClientCredentialsFlow();
                o.RegisterScopes([.. OneRosterScopes.All]);
                o.DisableAuthorizationStorage();
                o.AddSigningKey(UnusedKeys.Value.Signing);
                o.AddEncryptionKey(UnusedKeys.Value.Encryption);
                o.UseDataProtection();
                o.UseAspNetCore().EnableTokenEndpointPassthrough();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseDataProtection();
                // Each request looks its token up, so rotating or revoking a client's secret stops its tokens at once.
                o.EnableTokenEntryValidation();
                o.UseAspNetCore();
            });
        services.AddOptions<OpenIddictServerOptions>().Configure<TimeProvider, Microsoft.Extensions.Options.IOptions<OneRosterApiOptions>>((o, time, api) =>
        {
            o.TimeProvider = time;
            o.AccessTokenLifetime = TimeSpan.FromMinutes(api.Value.TokenLifetimeMinutes);
        });
        services.AddOptions<OpenIddictValidationOptions>().Configure<TimeProvider>((o, time) => o.TimeProvider = time);
        // Outside Production the token endpoint answers plain HTTP too (tests, the quick start); in Production only HTTPS,
        // as the app sees it behind its proxy (docs/deploy.md, forwarded headers).
        services.AddOptions<OpenIddictServerAspNetCoreOptions>().Configure<IHostEnvironment>((o, env) => o.DisableTransportSecurityRequirement = !env.IsProduction());
    }
}
