using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Directory;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.DeliverRoster;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Rostering;

public sealed partial class ExportRosterTests
{
    private static string Columns(string version, string file) => string.Join(',', OneRosterSpec.Columns(version, file)!);

    private static async Task<int> ReimportAsync(DatabaseProvider provider, TestDatabase? into, string zip, Func<TestDatabase, Task>? then = null)
    {
        var db = into ?? await TestDatabase.CreateAsync(provider);
        try
        {
            var result = await CliRunner.RunAsync(db, "import", "oneroster", zip, "--apply", "--allow-shrink");
            Assert.True(result.Code == 0, result.Out + result.Error);
            await using var context = db.OpenContext();
            if (then is not null)
            {
                await then(db);
            }

            return await context.Set<Person>().CountAsync(p => p.LeftAt == null);
        }
        finally
        {
            if (into is null)
            {
                await db.DisposeAsync();
            }
        }
    }

    [Theory]
    [Providers]
    public async Task A_OneRoster_package_reimports_cleanly_gives_the_same_bytes_for_the_same_data_and_its_delta_applies(DatabaseProvider provider)
    {
        await using var world = await RosteringWorld.CreateAsync(provider);
        var destiny = await world.AddAppAsync("Destiny", ExportFormat.OneRoster11);
        var illuminate = await world.AddAppAsync("Illuminate", ExportFormat.OneRoster12, ExportMode.Delta);
        var science = await world.AddAppAsync("Science lab", ExportFormat.OneRoster12, ExportMode.Delta,
            change: a => (a.Roles, a.Classes, a.ClassValues) = (SharedRoles.Students, ClassScope.Subjects, "Science"));

        var first = await world.DeliverAsync(destiny);
        Assert.Equal((DeliveryStatus.Delivered, ExportMode.Bulk), (first.Status, first.Mode));
        var files = RosteringWorld.Read(world.PackagePath(first.Id));
        Assert.Equal(
            "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\nfile.orgs,bulk\r\nfile.academicSessions,bulk\r\nfile.courses,bulk\r\n" +
            "file.classes,bulk\r\nfile.users,bulk\r\nfile.demographics,bulk\r\nfile.enrollments,bulk\r\n",
            files["manifest.csv"]);
        foreach (var file in files.Keys.Where(f => f != "manifest.csv"))
        {
            Assert.Equal(Columns("1.1", file), RosteringWorld.Header(files[file]));
            Assert.NotEqual('\uFEFF', files[file][0]);
        }

        var users = RosteringWorld.Records(files["users.csv"]);
        Assert.Equal(15, users.Count);
        Assert.Equal(users.Select(u => u["sourcedId"]).Order(StringComparer.Ordinal), users.Select(u => u["sourcedId"]));
        Assert.All(users, u => Assert.Equal(("", "", ""), (u["status"], u["dateLastModified"], u["password"])));
        Assert.Equal(("administrator", "org-es-01", "true"), (users.Single(u => u["sourcedId"] == "p-es")["role"], users.Single(u => u["sourcedId"] == "p-es")["orgSourcedIds"], users[0]["enabledUser"]));
        Assert.Contains("\"s-es-1,s-es-2\"", files["users.csv"], StringComparison.Ordinal);
        Assert.Equal("2021-03-01", RosteringWorld.Records(files["demographics.csv"]).Single(d => d["sourcedId"] == "s-es-1")["birthDate"]);
        Assert.Equal(JsonSerializer.Serialize(new[] { "orgs.csv", "academicSessions.csv", "courses.csv", "classes.csv", "users.csv", "demographics.csv", "enrollments.csv" }),
            JsonSerializer.Serialize(JsonDocument.Parse(first.FilesJson).RootElement.EnumerateArray().Select(f => f.GetProperty("File").GetString())));
        await using (var stream = File.OpenRead(world.PackagePath(first.Id)))
        {
            Assert.Equal(first.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)));
        }

        Assert.Equal(first.Sha256, (await world.DeliverAsync(destiny)).Sha256);
        Assert.Equal(15, await ReimportAsync(provider, null, world.PackagePath(first.Id)));

        var bulk = await world.DeliverAsync(illuminate);
        Assert.Equal((DeliveryStatus.Delivered, ExportMode.Bulk), (bulk.Status, bulk.Mode));
        var bulkFiles = RosteringWorld.Read(world.PackagePath(bulk.Id));
        Assert.Equal(Columns("1.2", "roles.csv"), RosteringWorld.Header(bulkFiles["roles.csv"]));
        var principal = RosteringWorld.Records(bulkFiles["roles.csv"]).Single(r => r["userSourcedId"] == "p-es");
        Assert.Equal(("primary", "principal", "org-es-01"), (principal["roleType"], principal["role"], principal["orgSourcedId"]));
        await using (var context = world.Db.OpenContext())
        {
            Assert.Equal(15, await context.Set<SharedPerson>().CountAsync(s => s.AppId == illuminate && s.LastDeliveryId == bulk.Id));
        }

        var scienceBulk = await world.DeliverAsync(science);
        Assert.Equal(["s-hs-1", "s-hs-2", "s-hs-3", "s-hs-4", "s-hs-5"], RosteringWorld.Records(RosteringWorld.Read(world.PackagePath(scienceBulk.Id))["users.csv"]).Select(u => u["sourcedId"]));

        await using var receiver = await TestDatabase.CreateAsync(provider);
        Assert.Equal(15, await ReimportAsync(provider, receiver, world.PackagePath(bulk.Id)));

        world.Package.Row(OneRosterSpec.Users, "s-hs-2")["givenName"] = "Tina";
        world.Package.RemoveRows(OneRosterSpec.Users, r => r["sourcedId"] == "s-hs-5");
        world.Package.RemoveRows(OneRosterSpec.Roles, r => r["userSourcedId"] == "s-hs-5");
        world.Package.RemoveRows(OneRosterSpec.Enrollments, r => r["userSourcedId"] == "s-hs-5");
        world.Package.RemoveRows(OneRosterSpec.Enrollments, r => r["sourcedId"] == "enr-hs-4");
        await world.ImportAsync();

        // s-hs-4 left Biology, so the science app's scope, without leaving the district: it is told to delete them.
        var scienceDelta = RosteringWorld.Read(world.PackagePath((await world.DeliverAsync(science)).Id));
        Assert.Equal([("s-hs-2", "active"), ("s-hs-4", "tobedeleted"), ("s-hs-5", "tobedeleted")],
            RosteringWorld.Records(scienceDelta["users.csv"]).Select(u => (u["sourcedId"], u["status"])));
        Assert.Equal([("enr-hs-4", "tobedeleted"), ("enr-hs-5", "tobedeleted")], RosteringWorld.Records(scienceDelta["enrollments.csv"]).Select(e => (e["sourcedId"], e["status"])));

        var delta = await world.DeliverAsync(illuminate);
        Assert.Equal((DeliveryStatus.Delivered, ExportMode.Delta, bulk.DataAsOf), (delta.Status, delta.Mode, delta.Since));
        var deltaFiles = RosteringWorld.Read(world.PackagePath(delta.Id));
        Assert.Contains("file.users,delta", deltaFiles["manifest.csv"], StringComparison.Ordinal);
        var changed = RosteringWorld.Records(deltaFiles["users.csv"]);
        Assert.Equal([("s-hs-2", "active", "Tina"), ("s-hs-5", "tobedeleted", "")], changed.Select(u => (u["sourcedId"], u["status"], u["givenName"])));
        Assert.All(changed, u => Assert.Matches(Instant(), u["dateLastModified"]));
        Assert.Equal([("enr-hs-4", "tobedeleted"), ("enr-hs-5", "tobedeleted")], RosteringWorld.Records(deltaFiles["enrollments.csv"]).Select(e => (e["sourcedId"], e["status"])));

        Assert.Equal(14, await ReimportAsync(provider, receiver, world.PackagePath(delta.Id), async db =>
        {
            await using var context = db.OpenContext();
            Assert.Equal("Tina", await context.Set<Person>().Where(p => p.SourcedId == "s-hs-2").Select(p => p.GivenName).SingleAsync());
        }));

        var nothing = await world.DeliverAsync(illuminate);
        Assert.Equal((ExportMode.Delta, 0), (nothing.Mode, RosteringWorld.Records(RosteringWorld.Read(world.PackagePath(nothing.Id))["users.csv"]).Count));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex Instant();

    [Theory]
    [Providers]
    public async Task Fields_outside_the_agreement_stay_empty_School_Data_Sync_has_its_own_files_and_a_package_that_breaks_the_rules_is_not_delivered(DatabaseProvider provider)
    {
        await using var world = await RosteringWorld.CreateAsync(provider);
        var reading = await world.AddAppAsync("Read 180", ExportFormat.OneRoster12, fields: SharedFields.None, change: a => a.Roles = SharedRoles.Students | SharedRoles.Teachers);
        var microsoft = await world.AddAppAsync("Microsoft 365", ExportFormat.SchoolDataSync, fields: SharedFields.Username | SharedFields.Email | SharedFields.Grades);
        var noUsernames = await world.AddAppAsync("Teams", ExportFormat.SchoolDataSync, fields: SharedFields.Email);

        var masked = await world.DeliverAsync(reading);
        var files = RosteringWorld.Read(world.PackagePath(masked.Id));
        Assert.Contains("file.demographics,absent", files["manifest.csv"], StringComparison.Ordinal);
        Assert.False(files.ContainsKey("demographics.csv"));
        var users = RosteringWorld.Records(files["users.csv"]);
        Assert.Equal(12, users.Count);
        Assert.All(users, u => Assert.Equal(("", "", "", "", "", ""), (u["username"], u["email"], u["identifier"], u["grades"], u["agentSourcedIds"], u["phone"])));
        Assert.All(users, u => Assert.NotEqual("", u["givenName"]));

        var sds = await world.DeliverAsync(microsoft);
        Assert.Equal(DeliveryStatus.Delivered, sds.Status);
        var sdsFiles = RosteringWorld.Read(world.PackagePath(sds.Id));
        Assert.Equal(["academicSessions.csv", "classes.csv", "courses.csv", "enrollments.csv", "orgs.csv", "roles.csv", "users.csv"], sdsFiles.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("sourcedId,username,givenName,familyName,password,activeDirectoryMatchId,email,phone,sms", RosteringWorld.Header(sdsFiles["users.csv"]));
        Assert.Equal("userSourcedId,orgSourcedId,role,sessionSourcedId,grade,isPrimary,roleStartDate,roleEndDate", RosteringWorld.Header(sdsFiles["roles.csv"]));
        Assert.Equal("classSourcedId,userSourcedId,role", RosteringWorld.Header(sdsFiles["enrollments.csv"]));
        Assert.Equal(13, RosteringWorld.Records(sdsFiles["users.csv"]).Count);
        var kid = RosteringWorld.Records(sdsFiles["roles.csv"]).Single(r => r["userSourcedId"] == "s-es-1");
        Assert.Equal(("student", "KG", "true"), (kid["role"], kid["grade"], kid["isPrimary"]));

        var refused = await world.DeliverAsync(noUsernames);
        Assert.Equal(DeliveryStatus.Failed, refused.Status);
        Assert.Contains("users.csv:2:2", refused.Error, StringComparison.Ordinal);
        Assert.Contains("does not share usernames", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(world.PackagePath(refused.Id)));
        await using (var context = world.Db.OpenContext())
        {
            Assert.False(await context.Set<SharedPerson>().AnyAsync(s => s.AppId == noUsernames));
        }

        // The check is the import's own: a package with a user naming an org it does not hold fails it, located.
        var broken = RosterPackage.SmallDistrict();
        broken.Row(OneRosterSpec.Roles, "role-t-es")["orgSourcedId"] = "org-nowhere";
        var zip = Path.Combine(world.Folder, "broken.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(broken.WriteTo(Path.Combine(world.Folder, "broken")), zip);
        await using var scope = world.App.Services.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<Web.Modules.Directory.Contracts.IRosterPackageCheck>().CheckAsync(zip);
        Assert.False(check.Passed);
        Assert.StartsWith("roles.csv:", check.FirstErrors[0], StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Staff_make_a_package_by_the_api_and_download_it_only_active_apps_with_enabled_agreements_are_delivered_and_the_schedule_delivers_when_due(DatabaseProvider provider)
    {
        await using var world = await RosteringWorld.CreateAsync(provider);
        var suspended = await world.AddAppAsync("Renaissance", ExportFormat.OneRoster12, status: AppStatus.Suspended);
        var disabled = await world.AddAppAsync("OneLogin", ExportFormat.OneRoster12, change: a => a.Enabled = false);
        var api = await world.AddAppAsync("Clever", ExportFormat.OneRoster12, change: a => a.Method = DeliveryMethod.Api);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var ended = await world.AddAppAsync("Lexia", ExportFormat.OneRoster12, privacyAgreementEnds: today.AddDays(-2));
        var destiny = await world.AddAppAsync("Destiny", ExportFormat.OneRoster12, privacyAgreementEnds: today.AddDays(2));
        var client = await world.App.ApiClientAsync("data.services@bayview.example");

        foreach (var (app, why) in new[] { (suspended, "only an active app"), (disabled, "not enabled"), (api, "reads the OneRoster API"), (ended, "data-privacy agreement ended on") })
        {
            var refused = await client.PostAsync($"/api/v1/rostering/apps/{app}/deliveries", null);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains(why, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var accepted = await client.PostAsync($"/api/v1/rostering/apps/{destiny}/deliveries", null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/rostering/apps/{destiny}/deliveries", null)).StatusCode);
        var done = await Eventually.ReturnsAsync(() => world.DeliveryAsync(id), d => d.Status != DeliveryStatus.Running, "the delivery to finish");
        Assert.Equal(DeliveryStatus.Delivered, done.Status);

        var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/rostering/apps/{destiny}/deliveries")).RootElement;
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Contains(list.GetProperty("items")[0].GetProperty("files").EnumerateArray(), f => f.GetProperty("file").GetString() == "users.csv" && f.GetProperty("rows").GetInt32() == 15);
        var package = await client.GetByteArrayAsync($"/api/v1/rostering/apps/{destiny}/deliveries/{id}/package");
        Assert.Equal(done.Sha256, Convert.ToHexStringLower(SHA256.HashData(package)));
        var helpdesk = await world.App.ApiClientAsync("helpdesk@bayview.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await helpdesk.GetAsync($"/api/v1/rostering/apps/{destiny}/deliveries/{id}/package")).StatusCode);

        var scheduled = await world.AddAppAsync("Illuminate", ExportFormat.OneRoster11, change: a => (a.Schedule, a.UpdatedAt) = ("0 0 6 * * ?", TimeProvider.System.GetUtcNow().AddDays(-2)));
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var work = scope.ServiceProvider.GetRequiredService<ScheduledDeliveriesWork>();
            await work.RunAsync(CancellationToken.None);
            await work.RunAsync(CancellationToken.None);
        }

        await using var context = world.Db.OpenContext();
        var made = await context.Set<RosterDelivery>().Where(d => d.AppId == scheduled).ToListAsync();
        Assert.Equal([(DeliveryHandler.Schedule, DeliveryStatus.Delivered)], made.Select(d => (d.RequestedBy, d.Status)));
    }
}
