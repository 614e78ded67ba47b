using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.Tests.Support;

/// <summary>The real app on a test database, configured the way an operator would: by settings.</summary>
public sealed class DistrictOpsFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string DemoPassword = "bayview-demo-2026";

    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var all = Database.Settings();
        all["Demo:Seed"] = "true";
        all["Demo:Password"] = DemoPassword;
        all["Demo:Students"] = "0";
        all["Jobs:Enabled"] = "false";
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
}
