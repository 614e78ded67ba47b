using System.Net;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DistrictOps.IntegrationTests.Modules.Directory;

public sealed class DirectoryContractsTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-contracts-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Theory]
    [Providers]
    public async Task Other_modules_read_each_runs_joiners_changes_and_leavers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var package = RosterPackage.SmallDistrict();
        Assert.Equal(0, (await CliRunner.RunAsync(db, "import", "oneroster", package.WriteTo(Path.Combine(_folder, "1")), "--apply")).Code);
        package.Row(OneRosterSpec.Users, "t-hs")["email"] = "d.nguyen@bayview.example";
        package.RemoveRows(OneRosterSpec.Users, r => r["sourcedId"] == "s-hs-5");
        package.RemoveRows(OneRosterSpec.Roles, r => r["userSourcedId"] == "s-hs-5");
        package.RemoveRows(OneRosterSpec.Enrollments, r => r["userSourcedId"] == "s-hs-5");
        Assert.Equal(0, (await CliRunner.RunAsync(db, "import", "oneroster", package.WriteTo(Path.Combine(_folder, "2")), "--apply")).Code);

        await using var scope = app.Services.CreateAsyncScope();
        var changes = scope.ServiceProvider.GetRequiredService<IDirectoryChanges>();
        var runs = await changes.RunsAfterAsync(DateTimeOffset.MinValue.AddYears(2000));
        Assert.Equal(2, runs.Count);
        Assert.Equal(15, (await changes.ChangesAsync(runs[0].Id, "Person")).Count(c => c.Change.Kind == "Joined"));
        var second = await changes.ChangesAsync(runs[1].Id, "Person");
        var changedRow = second.Single(c => c.Change.Kind == "Changed").Change;
        Assert.Equal(("t-hs", "email"), (changedRow.SourcedId, changedRow.Fields));
        Assert.Equal("s-hs-5", second.Single(c => c.Change.Kind == "Left").Change.SourcedId);
        Assert.Empty(await changes.ChangesAsync(runs[1].Id, "Person", second.Max(c => c.ChangeId)));

        var sites = scope.ServiceProvider.GetRequiredService<ISiteDirectory>();
        Assert.Equal(["Bayview High", "Bayview Unified", "Harbor View Elementary"], (await sites.ListAsync()).Select(s => s.Name));
    }

    [Theory]
    [Providers]
    public async Task An_administrator_sets_a_site_type_and_imports_keep_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var folder = RosterPackage.SmallDistrict().WriteTo(Path.Combine(_folder, "roster"));
        Assert.Equal(0, (await CliRunner.RunAsync(db, "import", "oneroster", folder, "--apply")).Code);
        Guid high;
        await using (var context = db.OpenContext())
        {
            high = await context.Set<Site>().Where(s => s.SourcedId == "org-hs-01").Select(s => s.Id).SingleAsync();
        }

        var admin = app.Browser();
        await admin.SignInAsync("data.services@bayview.example");
        var set = await admin.PostFormAsync($"/directory/sites/{high}", $"/directory/sites/{high}?handler=Type", new() { ["type"] = "Alternative" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var package = RosterPackage.SmallDistrict();
        package.Row(OneRosterSpec.Orgs, "org-hs-01")["name"] = "Bayview Continuation High";
        Assert.Equal(0, (await CliRunner.RunAsync(db, "import", "oneroster", package.WriteTo(Path.Combine(_folder, "roster2")), "--apply")).Code);

        await using (var context = db.OpenContext())
        {
            var site = await context.Set<Site>().SingleAsync(s => s.Id == high);
            Assert.Equal(("Bayview Continuation High", SiteType.Alternative, true), (site.Name, site.Type, site.TypeSetByAdmin));
        }

        await admin.PostFormAsync($"/directory/sites/{high}", $"/directory/sites/{high}?handler=Type", new() { ["type"] = "" });
        await using (var context = db.OpenContext())
        {
            Assert.Equal(SiteType.High, (await context.Set<Site>().SingleAsync(s => s.Id == high)).Type);
        }

        var teacher = app.Browser();
        await teacher.SignInAsync("teacher@bayview.example");
        var refused = await teacher.PostFormAsync($"/directory/sites/{high}", $"/directory/sites/{high}?handler=Type", new() { ["type"] = "Other" });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task The_held_site_list_follows_the_apps_own_writes_at_once_and_anyone_elses_within_its_lifetime(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(DemoWorld.Now);
        await using var world = await HelpdeskWorld.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        async Task<IReadOnlyList<string>> NamesAsync()
        {
            await using var scope = world.App.Services.CreateAsyncScope();
            return [.. (await scope.ServiceProvider.GetRequiredService<ISiteDirectory>().ListAsync()).Select(s => s.Name)];
        }

        Assert.Equal(["Bayview High", "Bayview Unified", "Harbor View Elementary"], await NamesAsync());

        // A site the app itself writes is listed on the next read.
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(new Site { SourcedId = "org-ms-01", Name = "Anchor Middle", OrgType = OrgType.School, Type = SiteType.Middle });
            await db.SaveChangesAsync();
        }

        Assert.Equal(["Anchor Middle", "Bayview High", "Bayview Unified", "Harbor View Elementary"], await NamesAsync());

        // A write the app cannot see (the CLI, another instance) shows once the held copy's lifetime has passed.
        await using (var outside = world.Db.OpenContext())
        {
            await outside.Set<Site>().Where(s => s.SourcedId == "org-ms-01").ExecuteUpdateAsync(u => u.SetProperty(s => s.Name, "Anchor Bay Middle"));
        }

        Assert.Contains("Anchor Middle", await NamesAsync());
        clock.Advance(TableWatch.CopyLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(["Anchor Bay Middle", "Bayview High", "Bayview Unified", "Harbor View Elementary"], await NamesAsync());
    }
}
