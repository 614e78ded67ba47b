using System.Net;
using System.Net.Http.Headers;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Users.ManageAccessTokens;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DistrictOps.IntegrationTests.Modules.Users;

public sealed class AccessTokenTests
{
    [Theory]
    [Providers]
    public async Task A_token_stores_only_its_hash_expires_and_can_be_revoked(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 15, 0, 0, TimeSpan.Zero));
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, services: s => s.AddSingleton<TimeProvider>(clock));
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<AccessTokenHandler>();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("data.services@bayview.example"))!;

        var created = (await tokens.CreateAsync(user.Id, "SIS export", expiresInDays: 30)).Value!;
        var duplicate = await tokens.CreateAsync(user.Id, "SIS export", null);
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.Id == created.Id);

        Assert.False(duplicate.Succeeded);
        Assert.DoesNotContain(created.Secret, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(PersonalAccessToken.Hash(created.Secret), stored.TokenHash);

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);

        var second = (await tokens.CreateAsync(user.Id, "SIS export", null)).Value!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.True((await tokens.RevokeAsync(user.Id, "SIS export")).Succeeded);
        Assert.False((await tokens.RevokeAsync(user.Id, "SIS export")).Succeeded);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task The_tokens_page_shows_a_new_secret_once_and_revokes_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var browser = app.Browser();
        await browser.SignInAsync("senior.tech@bayview.example");

        var created = await browser.PostFormAsync("/account/tokens", "/account/tokens?handler=Create", new() { ["Input.Name"] = "Imaging script" });
        var html = await created.Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(html, "dop_[A-Za-z0-9_-]{20,}").Value;
        Assert.NotEmpty(secret);
        Assert.DoesNotContain(secret, await browser.GetStringAsync("/account/tokens"), StringComparison.Ordinal);

        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        await browser.PostFormAsync("/account/tokens", "/account/tokens?handler=Revoke", new() { ["name"] = "Imaging script" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }
}
