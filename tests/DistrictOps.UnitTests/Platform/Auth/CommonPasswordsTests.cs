using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.UnitTests.Platform.Auth;

public sealed class CommonPasswordsTests
{
    [Theory]
    [InlineData("passwordpassword")]
    [InlineData("PASSWORD123456")]
    [InlineData("Summer2026!!!!")]
    [InlineData("2026-september")]
    [InlineData("P@ssw0rd12345")]
    [InlineData("123456789012")]
    [InlineData("123123123123")]
    [InlineData("qwertyuiop123")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("abcabcabcabc")]
    [InlineData("bayviewbayview")]
    [InlineData("  WelcomeToBayview2026  ")]
    [InlineData("Chromebook#2026")]
    [InlineData("iloveyouiloveyou")]
    public void The_passwords_attackers_try_first_are_common_whatever_is_added_around_them(string password) =>
        Assert.True(CommonPasswords.IsCommon(password), password);

    [Theory]
    [InlineData("plum orchard lantern")]
    [InlineData("correct horse battery")]
    [InlineData("bayview-demo-2026")]
    [InlineData("another-password-1")]
    [InlineData("Xk9_vQ2m-LpR7w")]
    [InlineData("teacher of the year 2026")]
    public void Phrases_and_random_strings_are_not(string password) =>
        Assert.False(CommonPasswords.IsCommon(password), password);
}
