using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DistrictOps.Tests.Support;

/// <summary>The real app on a test database, configured the way an operator would: by settings.</summary>
public sealed class DistrictOpsFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string DemoPassword = "bayview-demo-2026";

    static DistrictOpsFactory()
    {
        // A focused `dotnet test` gets what scripts/test exports: hosts that watch no settings file and poll the web
        // root, so many hosts alive at once do not exhaust the per-user inotify limit. The CLI's child processes inherit it.
        System.Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        System.Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        var all = Database.Settings();
        all["Demo:Seed"] = "true";
        all["Demo:Password"] = DemoPassword;
        all["Demo:Students"] = "0";
        all["Jobs:Enabled"] = "false";
        // Tests sign the same demo users in far more often than people do; the sign-in limit tests set their own.
        all["Authentication:SignIn:PerAccountLimit"] = "10000";
        all["Authentication:SignIn:PerAddressLimit"] = "10000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    public DatabaseProvider Provider => Database.Provider;

    /// <summary>The host environment; behaviour that differs by environment is tested under Development and Production.</summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>
    /// Whether starting the app waits until the background demo seeding is done (so the demo accounts exist) and fails
    /// if it failed. On by default; tests of the setting-up page turn it off.
    /// </summary>
    public bool AwaitDemoSeed { get; init; } = true;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (AwaitDemoSeed)
        {
            WaitForDemoSeed(host.Services);
        }

        return host;
    }

    /// <summary>Blocks until the background demo seeding is done; throws if it failed.</summary>
    public static void WaitForDemoSeed(IServiceProvider services)
    {
        var progress = services.GetRequiredService<DemoSeedProgress>();
        progress.WhenDone.WaitAsync(TimeSpan.FromMinutes(10)).GetAwaiter().GetResult();
        if (progress.Current.State == DemoSeedState.Failed)
        {
            throw new InvalidOperationException("The demo seeding failed: " + progress.Current.Failure);
        }
    }
}
