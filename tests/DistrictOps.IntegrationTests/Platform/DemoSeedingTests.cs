using System.Net;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Platform;

/// <summary>The app answers at once while the demo district is seeded in the background, and says how far it is.</summary>
public sealed class DemoSeedingTests
{
    [Theory]
    [Providers]
    public async Task Pages_show_the_progress_while_seeding_and_the_app_once_done(DatabaseProvider provider)
    {
        var gate = new GateSeed();
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, services: s => s.AddScoped<IDemoSeed>(_ => gate)) { AwaitDemoSeed = false };
        var client = app.Browser();
        await gate.Entered.Task.WaitAsync(TimeSpan.FromMinutes(2));

        var page = await client.GetAsync("/helpdesk/tickets?page=2");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("<h1>Setting up the demo district</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"2\">", html, StringComparison.Ordinal);
        var steps = app.Services.GetRequiredService<DemoSeedProgress>().Current.Steps;
        var percent = 100 / steps.Count;
        Assert.Contains($"<progress id=\"demo-seed-progress\" max=\"100\" value=\"{percent}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"demo-seed-progress\">Progress ({percent}%)</label>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Demo sign-ins, one per role: done</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li aria-current=\"step\">Test gate: in progress</li>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var notReady = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal($"Setting up the demo district: {percent}% done.", await notReady.Content.ReadAsStringAsync());

        gate.Open.SetResult();
        await app.Services.GetRequiredService<DemoSeedProgress>().WhenDone.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var signIn = await client.GetStringAsync("/account/sign-in");
        Assert.DoesNotContain("Setting up the demo district", signIn, StringComparison.Ordinal);
        Assert.Contains("admin@bayview.example", signIn, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("admin@bayview.example")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync("/setting-up")).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task A_failed_seeding_is_shown_and_the_app_stays_not_ready(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, services: s => s.AddScoped<IDemoSeed, FailingSeed>()) { AwaitDemoSeed = false };
        var client = app.Browser();
        await app.Services.GetRequiredService<DemoSeedProgress>().WhenDone.WaitAsync(TimeSpan.FromMinutes(2));

        var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("Setting up the demo district failed: the test seed broke", html, StringComparison.Ordinal);
        Assert.Contains("<li>Failing test seed: stopped here</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    /// <summary>A seed step right after the demo accounts that waits until the test lets it go.</summary>
    private sealed class GateSeed : IDemoSeed
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Order => 1;

        public string Title => "Test gate";

        public async Task SeedAsync(CancellationToken cancellationToken)
        {
            Entered.SetResult();
            await Open.Task.WaitAsync(cancellationToken);
        }
    }

    private sealed class FailingSeed : IDemoSeed
    {
        public int Order => 1;

        public string Title => "Failing test seed";

        public Task SeedAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("the test seed broke");
    }
}
