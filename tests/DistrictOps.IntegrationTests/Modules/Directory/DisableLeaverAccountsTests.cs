using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Directory;

/// <summary>Issue 11 item 2: a leaver in the HR import loses their account, once, after a grace; a re-hire does not get it back by itself.</summary>
public sealed class DisableLeaverAccountsTests : IDisposable
{
    private const string Job = "/api/v1/jobs/directory.disable-leaver-accounts/run";

    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("districtops-leavers-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);

    [Theory]
    [Providers]
    public async Task A_leaver_is_disabled_once_by_the_job_and_a_rehire_stays_disabled_until_an_administrator_enables_them(DatabaseProvider provider)
    {
        await using var db = await RosterAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var admin = await app.ApiClientAsync("admin@bayview.example");
        await ImportAsync(db, Row("E900", "Ivan", "active"), Row("E901", "Amy", "active"));
        var ivan = await AccountAsync(app, admin, db, "E900", "ivan");
        var amy = await AccountAsync(app, admin, db, "E901", "amy");
        Assert.Equal(0, (await RunAsync(admin)).Changed);

        await ImportAsync(db, Row("E900", "Ivan", "active"), Row("E901", "Amy", "terminated", DaysAgo(1)));
        var first = await RunAsync(admin);
        var rerun = await RunAsync(admin);

        Assert.Equal(1, first.Changed);
        Assert.Equal(0, rerun.Changed);
        Assert.True(await DisabledAsync(admin, amy));
        Assert.False(await DisabledAsync(admin, ivan));
        var logged = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/history?account=amy@")).GetProperty("items")[0];
        Assert.Equal(("DisabledAsLeaver", "HR leavers"), (logged.GetProperty("change").GetString(), logged.GetProperty("actorName").GetString()));
        Assert.Matches("^HR import hr-[0-9a-f]+, employee E901$", logged.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{amy}/enable", null)).StatusCode);
        Assert.Equal(0, (await RunAsync(admin)).Changed);
        Assert.False(await DisabledAsync(admin, amy));

        await ImportAsync(db, Row("E900", "Ivan", "terminated", DaysAgo(1)), Row("E901", "Amy", "terminated", DaysAgo(1)));
        Assert.Equal(1, (await RunAsync(admin)).Changed);
        Assert.True(await DisabledAsync(admin, ivan));
        await ImportAsync(db, Row("E900", "Ivan", "active"), Row("E901", "Amy", "terminated", DaysAgo(1)));
        Assert.Equal(0, (await RunAsync(admin)).Changed);
        Assert.True(await DisabledAsync(admin, ivan));
    }

    [Theory]
    [Providers]
    public async Task The_grace_keeps_a_leavers_account_until_it_has_passed(DatabaseProvider provider)
    {
        await using var db = await RosterAsync(provider);
        await using var app = new DistrictOpsFactory(db, new Dictionary<string, string?> { ["Users:LeaverGraceDays"] = "3" });
        var admin = await app.ApiClientAsync("admin@bayview.example");
        await ImportAsync(db, Row("E900", "Ivan", "terminated", DaysAgo(1)), Row("E901", "Amy", "terminated", DaysAgo(4)));
        var ivan = await AccountAsync(app, admin, db, "E900", "ivan");
        var amy = await AccountAsync(app, admin, db, "E901", "amy");

        var run = await RunAsync(admin);

        Assert.Equal(1, run.Changed);
        Assert.Contains("1 wait for the grace period", run.Summary, StringComparison.Ordinal);
        Assert.False(await DisabledAsync(admin, ivan));
        Assert.True(await DisabledAsync(admin, amy));
    }

    private static string DaysAgo(int days) =>
        DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Row(string employeeId, string name, string status, string end = "") =>
        $"{employeeId},,{name},Staff,{name.ToLowerInvariant()}@bayview.example,Technician,Information Technology,org-district,{status},2019-01-07,{end}";

    private async Task ImportAsync(TestDatabase db, params string[] rows)
    {
        var folder = System.IO.Directory.CreateDirectory(Path.Combine(_root, "hr-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "staff.csv"), string.Join('\n', [ImportStaffTests.Header, .. rows]) + "\n");
        var applied = await CliRunner.RunAsync(db, "import", "hr", folder, "--apply", "--allow-shrink");
        Assert.True(applied.Code == 0, applied.Error);
    }

    /// <summary>An account for the HR person, linked to them as the demo seeding links technicians.</summary>
    private static async Task<Guid> AccountAsync(DistrictOpsFactory app, HttpClient admin, TestDatabase db, string employeeId, string name)
    {
        var added = await admin.PostAsJsonAsync("/api/v1/users", new { email = $"{name}@bayview.example", roles = new[] { "NetworkEngineer" }, password = "correct horse battery" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var userId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var context = db.OpenContext();
        var personId = await context.Set<Person>().Where(p => p.EmployeeId == employeeId).Select(p => p.Id).SingleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<IUserDirectory>().LinkPersonAsync(userId, personId));
        return userId;
    }

    private static async Task<(int Changed, string Summary)> RunAsync(HttpClient admin)
    {
        var response = await admin.PostAsync(Job, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(run.GetProperty("outcome").GetString() == "Succeeded", run.GetRawText());
        return (run.GetProperty("changed").GetInt32(), run.GetProperty("summary").GetString()!);
    }

    private static async Task<bool> DisabledAsync(HttpClient admin, Guid userId) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}")).GetProperty("disabled").GetBoolean();

    private async Task<TestDatabase> RosterAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var roster = RosterPackage.SmallDistrict().WriteTo(Path.Combine(_root, "roster"));
        var imported = await CliRunner.RunAsync(db, "import", "oneroster", roster, "--apply");
        Assert.True(imported.Code == 0, imported.Error);
        return db;
    }
}
