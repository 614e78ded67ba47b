using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>A help desk technician resets the superintendent's directory password from a ticket; at a desktop width and a phone's.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccountsResetPageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_help_desk_finds_the_staff_member_from_a_ticket_verifies_the_caller_and_sees_the_new_password_once(int width, int height)
    {
        var target = DirectoryTargets.ResetName(width);
        var (ticket, username) = await ArrangeAsync(target);
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "helpdesk@bayview.example");

        await page.GotoAsync($"/helpdesk/tickets/{ticket}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reset a staff member's directory password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reset a directory password");
        await CheckAsync(page);
        await page.GetByLabel("Find the staff member").FillAsync(username);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Table, new() { Name = "Staff members" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reset the password" })).ToBeVisibleAsync();
        await CheckAsync(page);

        await page.GetByLabel($"{username} ({target})").CheckAsync();
        await page.GetByLabel("Why the password is reset").FillAsync("Locked out after the holidays; came to the help desk.");
        await page.GetByLabel("I called them back at the number on file").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset the password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#checks-error")).ToContainTextAsync("One check is not enough");
        await CheckAsync(page);

        await page.GetByLabel("They are here in person and showed their district badge").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset the password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "was reset" })).ToContainTextAsync($"The password of {username} in {target} was reset.");
        Assert.Equal(14, (await page.Locator("code.secret").InnerTextAsync()).Trim().Length);
        await CheckAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>The target's accounts made, and an open ticket and the username of the superintendent, whom the help desk may reset.</summary>
    private async Task<(string Ticket, string Username)> ArrangeAsync(string target)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var applied = await scope.ServiceProvider.GetRequiredService<AccountSync>().ApplyAsync(target, overrideGuard: true, "browser test", CancellationToken.None);
        Assert.True(applied.Succeeded && applied.Value.Failed == 0, applied.Failure?.Message ?? string.Join("; ", applied.Value!.Failures));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var superintendent = await db.Set<Person>().Where(p => p.PositionTitle == "Superintendent").Select(p => p.Id).FirstAsync();
        var username = await db.Set<ManagedAccount>().Where(a => a.Target == target && a.PersonId == superintendent).Select(a => a.Username).SingleAsync();
        // A ticket whose requester has no account in these targets, so the ticket page links to finding the staff member.
        var administrators = db.Set<Person>().Where(p => p.Kind == PersonKind.Administrator).Select(p => p.Id);
        var ticket = await db.Set<Ticket>().Where(t => t.Status != TicketStatus.Closed && t.MergedIntoId == null)
            .Where(t => t.RequesterPersonId == null || !administrators.Contains(t.RequesterPersonId.Value)).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        return (TicketNumber.Format(scope.ServiceProvider.GetRequiredService<IOptions<HelpdeskOptions>>().Value.NumberPrefix, ticket), username);
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
    }
}
