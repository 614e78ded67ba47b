using System.IO.Compression;
using System.Text;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Directory;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.DeliverRoster;
using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Rostering;

/// <summary>
/// The small district (RosterPackage.SmallDistrict, 1.2 with demographics) imported into a test database, the app on it with
/// packages kept in a temp folder, and a way to register apps with agreements and deliver to them through the handler.
/// </summary>
public sealed class RosteringWorld : IAsyncDisposable
{
    private readonly string _folder;

    private RosteringWorld(TestDatabase db, DistrictOpsFactory app, string folder, RosterPackage package)
    {
        Db = db;
        App = app;
        _folder = folder;
        Package = package;
    }

    public TestDatabase Db { get; }

    public DistrictOpsFactory App { get; }

    /// <summary>The package the district was imported from; change it and <see cref="ImportAsync"/> to change the district.</summary>
    public RosterPackage Package { get; }

    public string Folder => _folder;

    public static async Task<RosteringWorld> CreateAsync(DatabaseProvider provider, Action<IServiceCollection>? services = null)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("districtops-rostering-").FullName;
        var db = await TestDatabase.CreateAsync(provider);
        var package = RosterPackage.SmallDistrict();
        var app = new DistrictOpsFactory(db, new Dictionary<string, string?> { ["Rostering:Delivery:PackageFolder"] = Path.Combine(folder, "packages") }, services);
        var world = new RosteringWorld(db, app, folder, package);
        await world.ImportAsync();
        return world;
    }

    private int _imports;

    public async Task ImportAsync()
    {
        var result = await CliRunner.RunAsync(Db, "import", "oneroster", Package.WriteTo(Path.Combine(_folder, "import-" + ++_imports)), "--apply", "--allow-shrink");
        Assert.True(result.Code == 0, result.Out + result.Error);
    }

    /// <summary>Registers an active app with an enabled agreement sharing every role, by download unless changed.</summary>
    public async Task<Guid> AddAppAsync(string name, ExportFormat format, ExportMode mode = ExportMode.Bulk, SharedFields fields = (SharedFields)1023,
        Action<SharingAgreement>? change = null, AppStatus status = AppStatus.Active, DateOnly? privacyAgreementEnds = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var context = Db.OpenContext();
        var app = new RosterApp { Id = Guid.NewGuid(), Name = name, Vendor = name + " Inc.", Status = status, AgreementExpiresOn = privacyAgreementEnds };
        var agreement = new SharingAgreement
        {
            Id = Guid.NewGuid(), AppId = app.Id, Roles = SharedRoles.Students | SharedRoles.Teachers | SharedRoles.Administrators | SharedRoles.Guardians,
            Fields = fields, Format = format, Mode = mode, Method = DeliveryMethod.Download, Enabled = true, UpdatedBy = "test",
        };
        change?.Invoke(agreement);
        context.AddRange(app, agreement);
        await context.SaveChangesAsync();
        return app.Id;
    }

    /// <summary>Seals a secret as the agreement page does.</summary>
    public string Seal(string secret) => SftpSecrets.Seal(App.Services.GetRequiredService<IDataProtectionProvider>(), secret);

    /// <summary>Makes and delivers a package now, as the background job does; returns the delivery as recorded.</summary>
    public async Task<RosterDelivery> DeliverAsync(Guid appId)
    {
        Guid id;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<DeliveryHandler>();
            var created = await handler.CreateAsync(appId, "test", CancellationToken.None);
            Assert.True(created.Succeeded, created.Failure?.Message);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            id = created.Value.Id;
            await handler.RunAsync(id, null, CancellationToken.None);
        }

        return await DeliveryAsync(id);
    }

    /// <summary>Runs a delivery's next attempt (as the scheduled job does).</summary>
    public async Task<RosterDelivery> RetryAsync(Guid deliveryId)
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeliveryHandler>().RunAsync(deliveryId, null, CancellationToken.None);
        }

        return await DeliveryAsync(deliveryId);
    }

    public async Task<RosterDelivery> DeliveryAsync(Guid id)
    {
        await using var context = Db.OpenContext();
        return await context.Set<RosterDelivery>().AsNoTracking().SingleAsync(d => d.Id == id);
    }

    public string PackagePath(Guid deliveryId) => Path.Combine(_folder, "packages", deliveryId.ToString("N") + ".zip");

    /// <summary>Each file of a package by name, as text.</summary>
    public static Dictionary<string, string> Read(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
            return reader.ReadToEnd();
        });
    }

    /// <summary>The records of a CSV file, each by column name.</summary>
    public static List<Dictionary<string, string>> Records(string csv)
    {
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(new StringReader(csv));
        var records = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            records.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetString, StringComparer.Ordinal));
        }

        return records;
    }

    public static string Header(string csv) => csv[..csv.IndexOf("\r\n", StringComparison.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Db.DisposeAsync();
        System.IO.Directory.Delete(_folder, recursive: true);
    }
}
