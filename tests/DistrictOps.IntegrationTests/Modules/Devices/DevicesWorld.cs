using System.Globalization;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.Data;

namespace DistrictOps.IntegrationTests.Modules.Devices;

/// <summary>
/// The help desk's small district with a device register: one approved tablet standard and devices in stock at the
/// elementary school, tagged T-00001, T-00002, … (serials SN-00001, …). Students are s-es-1…5 (numbers S-ES-1…) and
/// s-hs-1…5; Rosa Garcia (g-1) is guardian of s-es-1 and s-es-2. The site technician covers both schools; the second
/// technician only the high school.
/// </summary>
internal static class DevicesWorld
{
    public static readonly Guid TabletStandard = Guid.Parse("0f6a4b8e-1c1d-4a53-9d4e-7a3f1d2b6c01");

    /// <summary>Adds the tablet standard (approved, $350, 5 years) once and <paramref name="count"/> devices in stock at <paramref name="siteId"/>, numbered from <paramref name="first"/>.</summary>
    public static async Task<IReadOnlyList<string>> AddDevicesAsync(this HelpdeskWorld world, int count, Guid siteId, int first = 1, Guid? poolId = null)
    {
        await using var context = world.Db.OpenContext();
        if (await context.Set<DeviceStandard>().FindAsync(TabletStandard) is null)
        {
            var standard = new DeviceStandard
            {
                Id = TabletStandard, Name = "Student tablet 2025", Manufacturer = "Lenovo", Model = "10w Gen 3", ImageName = "Student", ImageVersion = "2025.2",
                Status = StandardStatus.Approved, ApprovedOn = new DateOnly(2025, 6, 1), ApprovedByName = "IT Manager", UnitCostCents = 35_000, ExpectedLifeYears = 5,
                SupportEnds = new DateOnly(2031, 6, 30), Grades = "KG,01,02,03,04,05", UpdatedAt = TimeProvider.System.GetUtcNow(),
            };
            standard.Checks.AddRange(Enum.GetValues<CheckItem>().Select(item => new StandardCheck { StandardId = TabletStandard, Item = item, Result = CheckResult.Pass, CheckedByName = "Senior Technician" }));
            context.Add(standard);
        }

        var tags = new List<string>();
        for (var i = first; i < first + count; i++)
        {
            var number = i.ToString("00000", CultureInfo.InvariantCulture);
            tags.Add($"T-{number}");
            context.Add(new Device
            {
                Id = Guid.NewGuid(), AssetTag = $"T-{number}", Serial = $"SN-{number}", StandardId = TabletStandard, Status = DeviceStatus.InStock, SiteId = siteId,
                PoolId = poolId, PurchasedOn = new DateOnly(2025, 8, 1), CostCents = 35_000, CreatedAt = TimeProvider.System.GetUtcNow(), UpdatedAt = TimeProvider.System.GetUtcNow(),
            });
        }

        await context.SaveChangesAsync();
        return tags;
    }
}
