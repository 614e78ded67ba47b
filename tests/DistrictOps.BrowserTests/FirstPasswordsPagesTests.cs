using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>
/// The demo teacher hands out first passwords: her classes, one class's confirm step, the sheet, and the sheet as printed;
/// at a desktop width and a phone's. Each width keeps its own first passwords (a target of its own) for the same students.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FirstPasswordsPagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_teacher_opens_her_class_confirms_and_prints_the_sheet_of_first_passwords_shown_once(int width, int height)
    {
        var (title, passwords) = await KeepAsync($"Sheet{width}");
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "teacher@bayview.example");

        await page.GotoAsync("/accounts/passwords");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("First passwords");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Table, new() { Name = "Classes you teach" }).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"First passwords: {title}");
        await Assertions.Expect(page.GetByText(passwords.Count == 1 ? "This first password can be shown once." : $"These {passwords.Count} first passwords can be shown once.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("code.password")).ToHaveCountAsync(0);
        await CheckAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Show the passwords and print" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(passwords.Count == 1 ? "1 first password is on this sheet." : $"{passwords.Count} first passwords are on this sheet.");
        Assert.Equal(passwords.Order(), (await page.Locator("code.password").AllTextContentsAsync()).Order());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print the sheet" })).ToBeVisibleAsync();
        await CheckAsync(page);

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("code.password").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Change it at first sign-in.").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print the sheet" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" })).ToBeHiddenAsync();
        Assert.Empty(await ShellTests.TooWideAsync(page));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync(page.Url);
        await Assertions.Expect(page.GetByText("No first password is waiting in this class.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("code.password")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task Data_services_finds_any_class_and_a_staff_member_and_opens_their_sheets(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "data.services@bayview.example");

        await page.GotoAsync("/accounts/passwords");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your classes" })).ToHaveCountAsync(0);
        await page.GetByLabel("Class title, code or site").FillAsync("Kindergarten - Martinez");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find classes" }).ClickAsync();
        var classes = page.GetByRole(AriaRole.Table, new() { Name = "Classes" });
        await Assertions.Expect(classes.GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByLabel("Class title, code or site").FillAsync("no class is called this");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find classes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No class matches" })).ToBeVisibleAsync();

        await page.GetByLabel("Name, email or employee number").FillAsync("Rosa Martinez");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find people" }).ClickAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Table, new() { Name = "People" }).GetByRole(AriaRole.Link, new() { Name = "Rosa Martinez" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("First passwords: Rosa Martinez");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("No first password is waiting for this person.");
        await Assertions.Expect(page.GetByText("No account yet: it is made after the next import.")).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>First passwords for up to three students of the demo teacher's first class (the small demo's kindergarten has one), kept in <paramref name="target"/> as the sync keeps them.</summary>
    private async Task<(string Title, List<string> Passwords)> KeepAsync(string target)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var teacher = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("teacher@bayview.example");
        var rosters = scope.ServiceProvider.GetRequiredService<IClassRosters>();
        var taught = (await rosters.TaughtByAsync(teacher!.PersonId ?? throw new InvalidOperationException("The demo teacher is linked to no Directory person."))).First(c => c.Students > 0);
        var students = (await rosters.StudentIdsAsync([taught.Id]))[taught.Id].Take(3).ToList();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(AccountSync.PasswordPurpose);
        var passwords = new List<string>();
        foreach (var (student, i) in students.Select((s, i) => (s, i)))
        {
            var username = $"{target.ToLowerInvariant()}.student{i}";
            passwords.Add(InitialPasswords.New(passphrase: i % 2 == 0));
            db.Add(new ManagedAccount { Target = target, PersonId = student, Username = username, Dn = $"CN={username},OU=Students", CreatedAt = TimeProvider.System.GetUtcNow() });
            db.Add(new InitialPassword { Target = target, PersonId = student, Protected = protector.Protect(passwords[^1]), CreatedAt = TimeProvider.System.GetUtcNow() });
        }

        await db.SaveChangesAsync();
        return (taught.Title, passwords);
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
    }
}
