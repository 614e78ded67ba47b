using System.Net;
using System.Net.Sockets;
using DistrictOps.Web.Platform.Data;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>The app on a real Kestrel port with a demo database, and one headless Chromium for all tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public const int DemoStudents = 600;

    private TestDatabase? _database;
    private DistrictOpsFactory? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The running app's services, for what a test must arrange that no page offers (a survey link from an email).</summary>
    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = DirectoryTargets.Settings();
        settings["Demo:Students"] = DemoStudents.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app = new DistrictOpsFactory(_database, settings);
        var port = FreePort();
        _app.UseKestrel(port);
        _app.StartServer();
        DistrictOpsFactory.WaitForDemoSeed(_app.Services);
        BaseUrl = $"http://127.0.0.1:{port}";

        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("DISTRICTOPS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        // Generous waits: CI shares two cores between the app, Chromium and the other test assemblies.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public void Dispose() => _app?.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
