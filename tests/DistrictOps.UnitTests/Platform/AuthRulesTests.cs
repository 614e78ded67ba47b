using System.Security.Claims;
using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.UnitTests.Platform;

public sealed class AuthRulesTests
{
    private static ClaimsPrincipal UserIn(params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r)), "test"));

    [Fact]
    public void A_permission_is_granted_only_to_the_roles_that_hold_it()
    {
        var registry = new PermissionRegistry([new Permission("tickets.work", "Work tickets", [Roles.HelpDesk, Roles.SiteTechnician])]);

        Assert.True(registry.Grants(UserIn(Roles.SiteStaff, Roles.SiteTechnician), "tickets.work"));
        Assert.False(registry.Grants(UserIn(Roles.SiteStaff), "tickets.work"));
        Assert.False(registry.Grants(UserIn(Roles.HelpDesk), "tickets.unknown"));
    }

    [Fact]
    public void Permissions_declared_twice_or_for_unknown_roles_are_refused_at_start_up()
    {
        var twice = Assert.Throws<InvalidOperationException>(() =>
            new PermissionRegistry([new Permission("a", "", [Roles.HelpDesk]), new Permission("a", "", [Roles.Parent])]));
        Assert.Contains("declared twice", twice.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<InvalidOperationException>(() => new PermissionRegistry([new Permission("b", "", ["Janitor"])]));
        Assert.Contains("Janitor", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_secrets_are_random_and_only_their_hash_identifies_them()
    {
        var a = PersonalAccessToken.NewSecret();
        var b = PersonalAccessToken.NewSecret();

        Assert.StartsWith(PersonalAccessToken.SecretPrefix, a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
        Assert.True(a.Length >= 40);
        Assert.Equal(PersonalAccessToken.Hash(a), PersonalAccessToken.Hash(a));
        Assert.NotEqual(PersonalAccessToken.Hash(a), PersonalAccessToken.Hash(b));
        Assert.Equal(64, PersonalAccessToken.Hash(a).Length);
    }

    [Fact]
    public void A_token_stops_at_its_expiry_or_revocation()
    {
        var now = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        var token = new PersonalAccessToken { Name = "x", TokenHash = "h", Hint = "dop_", ExpiresAt = now.AddDays(1) };

        Assert.True(token.IsActive(now));
        Assert.False(token.IsActive(now.AddDays(1)));
        token.ExpiresAt = null;
        Assert.True(token.IsActive(now.AddYears(5)));
        token.RevokedAt = now;
        Assert.False(token.IsActive(now));
    }

    [Fact]
    public void Every_role_has_a_unique_name_and_only_technicians_and_staff_are_site_scoped()
    {
        Assert.Equal(Roles.All.Count, Roles.All.Select(r => r.Name).Distinct().Count());
        Assert.Equal([Roles.SiteTechnician, Roles.SiteStaff], Roles.All.Where(r => r.SiteScoped).Select(r => r.Name));
        Assert.Equal(Roles.HelpDesk, Roles.Find("helpdesk")?.Name);
        Assert.DoesNotContain(Roles.Parent, Roles.Staff);
    }
}
