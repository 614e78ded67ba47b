using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DistrictOps.UnitTests.Platform.Demo;

public sealed class DemoPasswordHasherTests
{
    private const string DemoPassword = "bayview-demo-2026";

    private static readonly AppUser User = new() { DisplayName = "Dana Reyes" };

    private static DemoPasswordHasher Hasher(bool demoMode) =>
        new(Options.Create(new DemoOptions { Seed = demoMode, Password = DemoPassword }), Options.Create(new PasswordHasherOptions()));

    [Fact]
    public void In_demo_mode_every_account_gets_the_one_hash_of_the_demo_password_and_it_verifies()
    {
        var hasher = Hasher(demoMode: true);

        var first = hasher.HashPassword(User, DemoPassword);

        Assert.Equal(first, hasher.HashPassword(User, DemoPassword));
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(User, first, DemoPassword));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(User, first, "another-password-1"));
    }

    [Fact]
    public void Other_passwords_and_the_demo_password_outside_demo_mode_get_a_fresh_salt_each_time()
    {
        var demo = Hasher(demoMode: true);
        var production = Hasher(demoMode: false);

        Assert.NotEqual(demo.HashPassword(User, "another-password-1"), demo.HashPassword(User, "another-password-1"));
        Assert.NotEqual(production.HashPassword(User, DemoPassword), production.HashPassword(User, DemoPassword));
    }
}
