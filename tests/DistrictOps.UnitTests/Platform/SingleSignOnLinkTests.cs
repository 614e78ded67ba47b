using System.Security.Claims;
using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.UnitTests.Platform;

public sealed class SingleSignOnLinkTests
{
    private static ClaimsPrincipal ProviderAccount(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));

    [Fact]
    public void A_verified_email_links_the_account()
    {
        var account = ProviderAccount(("email", "ana.ruiz@bayview.example"), ("email_verified", "true"));

        Assert.Equal("ana.ruiz@bayview.example", new OidcOptions().LinkableEmail(account));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("")]
    [InlineData(null)]
    public void An_email_the_provider_has_not_verified_links_nothing(string? verified)
    {
        var claims = verified is null ? new[] { ("email", "ana.ruiz@bayview.example") } : [("email", "ana.ruiz@bayview.example"), ("email_verified", verified)];

        Assert.Null(new OidcOptions().LinkableEmail(ProviderAccount(claims)));
    }

    [Fact]
    public void A_district_that_issues_every_address_may_trust_unverified_emails_but_not_a_missing_one()
    {
        var options = new OidcOptions { TrustUnverifiedEmail = true };

        Assert.Equal("ana.ruiz@bayview.example", options.LinkableEmail(ProviderAccount(("email", "ana.ruiz@bayview.example"))));
        Assert.Null(options.LinkableEmail(ProviderAccount(("name", "Ana Ruiz"))));
    }
}
