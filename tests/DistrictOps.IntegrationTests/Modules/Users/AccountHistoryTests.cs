using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DistrictOps.IntegrationTests.Modules.Users;

/// <summary>Issue 11 item 2's audit log: who changed what for whom, and when.</summary>
public sealed class AccountHistoryTests
{
    [Theory]
    [Providers]
    public async Task Each_change_is_logged_with_who_made_it_and_a_refused_one_is_not(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 15, 0, 0, TimeSpan.Zero));
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.ApiClientAsync("admin@bayview.example");
        var manager = await app.ApiClientAsync("it.manager@bayview.example");
        var added = await admin.PostAsJsonAsync("/api/v1/users", new { email = "noor@bayview.example", displayName = "Noor Tech", roles = new[] { "HelpDesk", "NetworkEngineer" } });
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/users/{id}/roles/HelpDesk")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync($"/api/v1/users/{id}/access", new { addRoles = new[] { "DistrictAdmin" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/users/{id}/disable", null)).StatusCode);
        Assert.Equal(0, (await CliRunner.RunAsync(db, "users", "enable", "--email", "noor@bayview.example")).Code);

        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/history?account=noor");

        Assert.Equal(
            ["Enabled Operator (command line)", "Disabled Marcus Lee", "RoleRemoved:HelpDesk Dana Reyes", "RoleGranted:NetworkEngineer Dana Reyes", "RoleGranted:HelpDesk Dana Reyes", "Created Dana Reyes"],
            history.GetProperty("items").EnumerateArray().Select(e =>
                e.GetProperty("change").GetString() + (e.GetProperty("detail").GetString() is { } d ? ":" + d : "") + " " + e.GetProperty("actorName").GetString()));
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/history?account=noor&actor=it.manager@")).GetProperty("total").GetInt32());
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/history?account=noor&to=2026-09-01")).GetProperty("total").GetInt32());
        var secondDay = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/history?account=noor&from=2026-09-02&pageSize=2");
        Assert.Equal((3, 2), (secondDay.GetProperty("total").GetInt32(), secondDay.GetProperty("items").GetArrayLength()));
        var bad = await admin.GetAsync("/api/v1/users/history?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("helpdesk@bayview.example")).GetAsync("/api/v1/users/history")).StatusCode);

        var browser = app.Browser();
        await browser.SignInAsync("admin@bayview.example");
        var page = await browser.GetStringAsync("/admin/users/history?account=noor&actor=Dana");
        Assert.Contains("Role removed: Help desk technician", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Marcus Lee", page, StringComparison.Ordinal);
    }
}
