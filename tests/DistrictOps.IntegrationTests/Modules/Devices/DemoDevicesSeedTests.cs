using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class DemoDevicesSeedTests
{
    [Theory]
    [Providers]
    public async Task The_demo_district_has_its_tablets_out_with_students_on_two_standards_with_incidents_fees_audits_and_a_funding_gap(DatabaseProvider provider)
    {
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var app = DemoWorld.Start(db);
        await using var context = db.OpenContext();

        var standards = await context.Set<DeviceStandard>().OrderBy(s => s.Name).Select(s => new { s.Name, s.Status }).ToListAsync();
        var assigned = await context.Set<Device>().Where(d => d.HolderKind == HolderKind.Student).GroupBy(d => d.StandardId).Select(g => g.Count()).ToListAsync();
        var students = await context.Set<Assignment>().Select(a => a.HolderId).Distinct().CountAsync();
        var pooled = await context.Set<Device>().CountAsync(d => d.PoolId != null);
        var agreements = await context.Set<DeviceAgreement>().CountAsync();
        var incidents = await context.Set<Incident>().GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var charges = await context.Set<FeeEntry>().CountAsync(f => f.Kind == FeeEntryKind.Charge);
        var audits = await context.Set<Audit>().Where(a => a.ClosedAt != null).Select(a => new { a.ExpectedCount, a.FoundCount, a.MissingCount }).ToListAsync();
        var lostWithHolder = await context.Set<Device>().CountAsync(d => (d.Status == DeviceStatus.Lost || d.Status == DeviceStatus.Stolen) && d.HolderId != null);

        Assert.Equal([("Student tablet 2024", StandardStatus.Approved), ("Student tablet 2026", StandardStatus.Approved), ("Student tablet 2027 (pilot)", StandardStatus.Proposed)],
            standards.Select(s => (s.Name, s.Status)).ToList());
        Assert.InRange(students, 590, 600);
        Assert.Equal(2, assigned.Count);
        Assert.InRange(assigned.Min() / (double)assigned.Sum(), 0.30, 0.40);
        Assert.True(pooled > 0);
        Assert.InRange(agreements / (double)students, 0.8, 0.97);
        Assert.True(incidents[IncidentKind.Damaged] > incidents.GetValueOrDefault(IncidentKind.Lost), "damage is the common incident");
        Assert.True(charges > 0);
        Assert.Equal(3, audits.Count);
        Assert.All(audits, a => Assert.Equal(a.ExpectedCount, a.FoundCount + a.MissingCount));
        Assert.Equal(0, lostWithHolder);

        var manager = await app.ApiClientAsync("it.manager@bayview.example");
        var forecast = JsonDocument.Parse(await manager.GetStringAsync("/api/v1/devices/forecast")).RootElement;
        var years = forecast.GetProperty("years").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32());
        Assert.Equal(0, years[2027].GetProperty("replacements").GetInt32());
        Assert.True(years[2028].GetProperty("replacements").GetInt32() > 0, "the 2024 tablets' support ends in 2028");
        Assert.True(years[2028].GetProperty("gapCents").GetInt64() > 0, "the bond ends in 2027");
    }
}
