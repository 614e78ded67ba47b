using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Users;

public sealed class AddUserPageTests
{
    [Theory]
    [Providers]
    public async Task The_form_names_each_problem_then_creates_the_user_once(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var admin = app.Browser();
        await admin.SignInAsync("admin@bayview.example");

        var invalid = await (await admin.PostFormAsync("/admin/users/new", "/admin/users/new", new()
        {
            ["Input.Email"] = "not an email",
            ["Input.Password"] = "short",
        })).Content.ReadAsStringAsync();
        Assert.Contains("aria-invalid=\"true\"", invalid, StringComparison.Ordinal);
        Assert.Contains("Give at least one role", invalid, StringComparison.Ordinal);
        Assert.Contains("is not an email address", invalid, StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["Input.Email"] = "librarian@bayview.example", ["Input.DisplayName"] = "Lee Librarian", ["Input.Roles"] = "SiteStaff" };
        var created = await (await admin.PostFormAsync("/admin/users/new", "/admin/users/new", new(fields))).Content.ReadAsStringAsync();
        Assert.Contains("The account was created.", created, StringComparison.Ordinal);
        Assert.Contains("Temporary password (shown only now):", created, StringComparison.Ordinal);

        var again = await (await admin.PostFormAsync("/admin/users/new", "/admin/users/new", new(fields))).Content.ReadAsStringAsync();
        Assert.Contains("Nothing changed.", again, StringComparison.Ordinal);
        Assert.Contains("Lee Librarian", await admin.GetStringAsync("/admin/users?query=librarian"), StringComparison.Ordinal);
    }
}
