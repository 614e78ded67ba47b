using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Directory;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Accounts.SyncAccounts;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using DistrictOps.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DistrictOps.IntegrationTests.Modules.Accounts.AccountsTestKit;

namespace DistrictOps.IntegrationTests.Modules.Accounts;

/// <summary>
/// The scheduled sync (<c>accounts.sync</c>) against the real Samba AD DC: it acts after each Directory import, tells those
/// who may apply plans what it did or why it did not, and opens a help desk ticket a day per target for what failed.
/// </summary>
[Collection(DirectoryServersGroup.Name)]
public sealed class SyncAccountsTests
{
    private static readonly string[] ApplyHolders = ["admin@bayview.example", HelpdeskWorld.Manager, HelpdeskWorld.Network];

    [Theory]
    [Providers]
    public async Task After_an_import_the_job_makes_the_accounts_a_rerun_does_nothing_and_a_plan_the_guard_refuses_is_not_applied_and_the_email_says_why(DatabaseProvider provider)
    {
        using var ad = TestDirectory.ActiveDirectory();
        await using var world = await HelpdeskWorld.CreateAsync(provider, K12(ad));

        var first = await RunAsync(world);
        var again = await RunAsync(world);

        Assert.Equal((JobOutcome.Succeeded, 15), (first.Outcome, first.Changed));
        Assert.Equal("K12: 15 of 15 change(s) made, 0 failed.", first.Summary);
        Assert.Equal(10, ad.Users().Count);
        Assert.Equal((0, "No Directory import since the last sync: nothing to do."), (again.Changed, again.Summary));
        var made = await EmailsAsync(world);
        Assert.Equal(ApplyHolders, made.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(made, m => Assert.Equal("Account sync: K12 15 made", m.Subject));
        await using (var context = world.Db.OpenContext())
        {
            Assert.Equal(15, await context.Set<AccountOperation>().CountAsync(o => o.By == SyncAccountsWork.By && o.Outcome == OperationOutcome.Done));
        }

        var package = RosterPackage.SmallDistrict();
        package.Row("users.csv", "s-es-3")["familyName"] = "Garcia-Ruiz";
        var root = System.IO.Directory.CreateTempSubdirectory("districtops-accounts-sync-").FullName;
        try
        {
            var import = await CliRunner.RunAsync(world.Db, "import", "oneroster", package.WriteTo(root), "--apply");
            Assert.True(import.Code == 0, import.Error);
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }

        var refused = await RunAsync(world);
        var rerun = await RunAsync(world);

        Assert.Equal((0, "K12: refused by the guard (1 change(s) planned), nothing applied."), (refused.Changed, refused.Summary));
        Assert.Equal("Garcia", ad.User("kid3.garcia").Attributes["sn"]);
        Assert.Equal(0, rerun.Changed);
        var told = (await EmailsAsync(world)).Skip(made.Count).ToList();
        Assert.Equal(ApplyHolders, told.Select(m => m.To).Order(StringComparer.Ordinal));
        var email = told.Single(m => m.To == HelpdeskWorld.Manager);
        Assert.Equal("Account sync: K12 needs an IT manager's override", email.Subject);
        Assert.Contains("Hello Marcus Lee,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(
            "K12: nothing was applied (1 change(s) planned). This plan needs an IT manager's override: it changes 1 of 10 managed accounts (10 %, more than 5 %).",
            email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Look at the plan on http://localhost:5000/accounts or with: districtops accounts plan --target K12", email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task A_change_the_directory_refuses_and_a_directory_that_does_not_answer_open_one_ticket_each_that_a_run_after_the_next_import_does_not_repeat(DatabaseProvider provider)
    {
        using var ad = TestDirectory.ActiveDirectory();
        var settings = K12(ad, index: 1);
        foreach (var (key, value) in new Dictionary<string, string>
                 {
                     ["Name"] = "Admin", ["Url"] = "ldap://127.0.0.1:9/", ["BindDn"] = "CN=sync,DC=admin,DC=bayview,DC=example", ["BindPassword"] = "unused",
                     ["BaseDn"] = "DC=admin,DC=bayview,DC=example", ["Kinds:0"] = "Teacher",
                 })
        {
            settings["Accounts:Targets:0:" + key] = value;
        }

        await using var world = await HelpdeskWorld.CreateAsync(provider, settings);
        await ChangeAsync(world, "s-es-5", p => p.GivenName = new string('K', 80));

        var first = await RunAsync(world);
        var opened = await TicketsAsync(world);
        var events = await EventCountAsync(world);
        await RecordImportAsync(world);
        var second = await RunAsync(world);

        Assert.Equal(JobOutcome.Succeeded, first.Outcome);
        Assert.StartsWith("Admin: did not answer; the next run tries again. Ticket BV-", first.Summary, StringComparison.Ordinal);
        Assert.Contains("K12: 14 of 15 change(s) made, 1 failed. Ticket BV-", first.Summary, StringComparison.Ordinal);
        Assert.Equal(9, ad.Users().Count);
        Assert.Equal(["Account sync: 1 change(s) in K12 failed", "Account sync: the directory Admin did not answer"], opened.Select(t => t.Title).Order(StringComparer.Ordinal));
        var failed = opened.Single(t => t.Title.Contains("K12", StringComparison.Ordinal));
        Assert.Equal("DistrictOps (accounts.sync)", failed.RequesterName);
        Assert.True(failed is { RequesterUserId: null, RequesterPersonId: null, RequesterEmail: null });
        Assert.Equal((world.District, HelpdeskDefaults.Accounts, (int?)HelpdeskDefaults.SystemsTeam, TicketStatus.New), (failed.SiteId, failed.IssueTypeId, failed.TeamId, failed.Status));
        Assert.Contains("could not make 1 of 15 change(s) in K12:\n\n- Create CN=", failed.Description, StringComparison.Ordinal);
        Assert.Contains("givenName", failed.Description, StringComparison.Ordinal);
        Assert.Contains("to try now: districtops accounts apply --target K12", failed.Description, StringComparison.Ordinal);

        Assert.Equal((JobOutcome.Succeeded, 0), (second.Outcome, second.Changed));
        Assert.Contains("K12: 0 of 1 change(s) made, 1 failed. Ticket BV-", second.Summary, StringComparison.Ordinal);
        Assert.Equal(opened.Select(t => t.Id), (await TicketsAsync(world)).Select(t => t.Id));
        Assert.Equal(events, await EventCountAsync(world));
        await using var context = world.Db.OpenContext();
        Assert.Equal(["K12"], await context.Set<SyncedImport>().Select(s => s.Target).ToListAsync());
        var emails = await EmailsAsync(world);
        Assert.Equal(6, emails.Count);
        var latest = emails.Last(m => m.To == HelpdeskWorld.Manager);
        Assert.Equal("Account sync: K12 0 made, 1 failed", latest.Subject);
        Assert.Contains($"Help desk ticket {TicketNumber.Format("BV", failed.Id)} follows it.", latest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Admin: nothing was changed. The directory Admin (ldap://127.0.0.1:9/) did not answer:", latest.TextBody, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> K12(TestDirectory ad, int index = 0) =>
        ad.Target(index, "K12", ("Kinds:0", "Student"), ("OuTemplate", "OU={grade},OU={site},OU=Students"), ("UpnSuffix", "k12.bayview.example"));

    private static async Task<JobRun> RunAsync(HelpdeskWorld world) =>
        (await world.App.Services.GetRequiredService<JobRunner>().RunAsync(SyncAccountsWork.Name, "test", CancellationToken.None))!;

    private static async Task<List<OutboxMessage>> EmailsAsync(HelpdeskWorld world)
    {
        await using var context = world.Db.OpenContext();
        return await context.Set<OutboxMessage>().Where(m => m.Kind == SyncAccountsWork.Name).OrderBy(m => m.Id).ToListAsync();
    }

    private static async Task<List<Ticket>> TicketsAsync(HelpdeskWorld world)
    {
        await using var context = world.Db.OpenContext();
        var ids = context.Set<AutomationTicket>().Select(a => a.TicketId);
        return await context.Set<Ticket>().Where(t => ids.Contains(t.Id)).OrderBy(t => t.Id).ToListAsync();
    }

    private static async Task<int> EventCountAsync(HelpdeskWorld world)
    {
        await using var context = world.Db.OpenContext();
        var ids = context.Set<AutomationTicket>().Select(a => a.TicketId);
        return await context.Set<TicketEvent>().CountAsync(e => ids.Contains(e.TicketId));
    }

    /// <summary>An applied import the way the Directory records one; this one changed nobody.</summary>
    private static async Task RecordImportAsync(HelpdeskWorld world)
    {
        await using var context = world.Db.OpenContext();
        var now = TimeProvider.System.GetUtcNow();
        context.Add(new ImportRun
        {
            Id = Guid.CreateVersion7(), Kind = ImportKind.OneRoster, Source = "roster-delta.zip", Description = "OneRoster 1.2: users delta", RunBy = "test",
            StartedAt = now, CompletedAt = now, CountsJson = "{}",
        });
        await context.SaveChangesAsync();
    }
}
