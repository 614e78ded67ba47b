using System.Net;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DistrictOps.IntegrationTests.Platform;

public sealed class SingleSignOnTests
{
    [Theory]
    [Providers]
    public async Task Configured_sso_offers_the_district_account_and_sends_people_to_the_identity_provider(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "https://idp.district.test/tenant",
            ["Authentication:Oidc:ClientId"] = "districtops-test",
            ["Authentication:Oidc:DisplayName"] = "Bayview Google account",
        }, services => services.Configure<OpenIdConnectOptions>("oidc", o =>
            // The identity provider's discovery document, as it would be fetched from the authority.
            o.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = "https://idp.district.test/tenant",
                AuthorizationEndpoint = "https://idp.district.test/tenant/authorize",
                TokenEndpoint = "https://idp.district.test/tenant/token",
            }));
        var browser = app.Browser();

        Assert.Contains("Sign in with Bayview Google account", await browser.GetStringAsync("/account/sign-in"), StringComparison.Ordinal);
        var challenge = await browser.GetAsync("/account/sso?returnUrl=%2F");

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.Equal("https://idp.district.test/tenant/authorize", location.GetLeftPart(UriPartial.Path));
        Assert.Contains("client_id=districtops-test", location.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", location.Query, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fsignin-oidc", location.Query, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Without_configuration_there_is_no_sso(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var browser = app.Browser();

        Assert.DoesNotContain("Sign in with", await browser.GetStringAsync("/account/sign-in"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/account/sso")).StatusCode);
    }
}
