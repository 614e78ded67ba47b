using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The device register at <c>count</c> devices: the demo's 1-to-1 program (2,000 students) topped up with generated
/// devices across its sites, most out with students. Then the list's filters through the API (median of 10 after a
/// warm-up), and a scan session as a technician at a cart: 1,000 check-outs by scanned student number and device tag, then
/// 1,000 check-ins, one request each, one after another.
/// </summary>
internal static class DevicesBench
{
    private const string Technician = "helpdesk@bayview.example";
    private const string Manager = "it.manager@bayview.example";

    public static async Task RunAsync(int count, string provider, Dictionary<string, string?> settings)
    {
        Console.WriteLine($"DistrictOps devices benchmark: {count:N0} devices on {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await using var app = DemoBench.Start(settings);
        using var anonymous = await DemoBench.ReadyAsync(app);
        var (site, students, cart) = await FillAsync(app, count);
        using var client = await HelpdeskBench.ApiClientAsync(app, Technician);
        Console.WriteLine();
        Console.WriteLine("| request | median | min–max | load average |");
        Console.WriteLine("|---|---|---|---|");
        var last = (count + 49) / 50;
        foreach (var (name, path) in new[]
        {
            ("first page, every device", "/api/v1/devices"),
            ("page 2,000 of every device", "/api/v1/devices?page=2000"),
            ($"last page ({last:N0})", $"/api/v1/devices?page={Math.Min(last, 100_000)}"),
            ("one site", $"/api/v1/devices?site={site}"),
            ("one site, assigned", $"/api/v1/devices?site={site}&status=Assigned"),
            ("in repair", "/api/v1/devices?status=InRepair"),
            ("one standard", "/api/v1/devices?standard=STANDARD"),
            ("tag prefix (a scan)", "/api/v1/devices?q=" + cart.Sample[..7]),
            ("holder's name", "/api/v1/devices?q=garcia"),
            ("not seen for 30 days", "/api/v1/devices?notSeenDays=30"),
            ("one device with history and tickets", "/api/v1/devices/" + cart.Sample),
        })
        {
            var times = await Timed.GetAsync(client, path.Replace("STANDARD", cart.Standard.ToString(), StringComparison.Ordinal), 10);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times[4]:0.0} ms | {times[0]:0.0}–{times[^1]:0.0} ms | {Load()} |"));
        }

        await ScanSessionAsync(client, students, cart.Tags);
        using var manager = await HelpdeskBench.ApiClientAsync(app, Manager);
        await ImportAsync(app, manager);
    }

    /// <summary>
    /// A delivery of 15,000 tablets as the vendor's file (the register's columns): the plan, the apply, then the same file
    /// again, which plans no change; each as one request with the file as its body.
    /// </summary>
    private static async Task ImportAsync(HelpdeskBench.BenchApp app, HttpClient client)
    {
        string standard, site;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            standard = await db.Set<DeviceStandard>().Where(s => s.Status == StandardStatus.Approved).OrderBy(s => s.Name).Select(s => s.Name).FirstAsync();
            site = (await scope.ServiceProvider.GetRequiredService<ISiteDirectory>().ListAsync()).First(s => s.Type == "High").SourcedId;
        }

        var csv = new System.Text.StringBuilder("asset_tag,serial,standard,status,site,purchase_order,purchased_on,cost,warranty_ends\n");
        for (var i = 0; i < 15_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"NT-{i:000000},NS{i:00000000},\"{standard}\",In stock,{site},PO-2027-118,2027-01-15,349.00,2030-01-15\n");
        }

        var body = System.Text.Encoding.UTF8.GetBytes(csv.ToString());
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| device import, 15,000 rows ({body.Length / 1024:N0} KB) | time | plan | load average |"));
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, apply) in new[] { ("plan (nothing written)", false), ("apply: 15,000 devices added", true), ("the same file again: plan and apply", true) })
        {
            var t0 = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync($"/api/v1/devices/imports?kind=Devices&apply={(apply ? "true" : "false")}&file=delivery.csv", new ByteArrayContent(body));
            var seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            var json = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"import: {response.StatusCode} {json[..Math.Min(json.Length, 400)]}");
            }

            var plan = System.Text.Json.JsonDocument.Parse(json).RootElement;
            var (add, unchanged, applied) = (plan.GetProperty("add").GetInt32(), plan.GetProperty("unchanged").GetInt32(), plan.GetProperty("applied").GetBoolean());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {seconds:0.00} s | {add:N0} to add, {unchanged:N0} unchanged{(applied ? ", applied" : "")} | {Load()} |"));
        }
    }

    private static async Task ScanSessionAsync(HttpClient client, IReadOnlyList<string> students, IReadOnlyList<string> tags)
    {
        Console.WriteLine();
        Console.WriteLine("| scan session | scans | total | per scan median | p95 | max | load average |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, step) in new (string, Func<int, object>)[]
        {
            ("check-out: student number, then tag", i => new { person = students[i % students.Count], device = tags[i] }),
            ("check-in: tag, condition A", i => new { device = tags[i] }),
        })
        {
            var path = name.StartsWith("check-out", StringComparison.Ordinal) ? "/api/v1/devices/scans/check-out" : "/api/v1/devices/scans/check-in";
            var times = new List<double>();
            var t0 = Stopwatch.GetTimestamp();
            for (var i = 0; i < tags.Count; i++)
            {
                var s0 = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync(path, step(i));
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{path} {tags[i]}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                times.Add(Stopwatch.GetElapsedTime(s0).TotalMilliseconds);
            }

            var total = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {tags.Count:N0} | {total:0.0} s | {times[times.Count / 2]:0.0} ms | {times[(int)(times.Count * 0.95)]:0.0} ms | {times[^1]:0.0} ms | {Load()} |"));
        }
    }

    /// <summary>Adds devices until there are <paramref name="count"/>; returns a site, 1,000 student numbers and a cart of 1,000 tags in stock.</summary>
    private static async Task<(Guid Site, IReadOnlyList<string> Students, (Guid Standard, IReadOnlyList<string> Tags, string Sample) Cart)> FillAsync(HelpdeskBench.BenchApp app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var students = await scope.ServiceProvider.GetRequiredService<IPeopleDirectory>().CurrentStudentsAsync(2_000);
        var sites = students.Where(s => s.PrimarySiteId is not null).Select(s => s.PrimarySiteId!.Value).Distinct().ToList();
        var standards = await db.Set<DeviceStandard>().Where(s => s.Status == StandardStatus.Approved).Select(s => s.Id).ToListAsync();
        var existing = await db.Set<Device>().CountAsync();
        var t0 = Stopwatch.GetTimestamp();
        var random = new Random(250);
        var rows = new List<Device>();
        for (var i = existing; i < count; i++)
        {
            var student = students[random.Next(students.Count)];
            var inCart = i < existing + 1_000;
            var assigned = !inCart && random.NextDouble() < 0.85;
            var at = TimeProvider.System.GetUtcNow().AddDays(-random.Next(1, 900));
            rows.Add(new Device
            {
                Id = Guid.CreateVersion7(), AssetTag = "BX-" + i.ToString("0000000", CultureInfo.InvariantCulture), Serial = "SX" + i.ToString("00000000", CultureInfo.InvariantCulture),
                StandardId = standards[i % standards.Count], SiteId = assigned ? student.PrimarySiteId : sites[i % sites.Count],
                Status = assigned ? DeviceStatus.Assigned : !inCart && i % 40 == 0 ? DeviceStatus.InRepair : DeviceStatus.InStock,
                HolderKind = assigned ? HolderKind.Student : null, HolderId = assigned ? student.Id : null, HolderName = assigned ? student.Name : null,
                PurchasedOn = DateOnly.FromDateTime(at.UtcDateTime), CostCents = 34_900, CreatedAt = at, UpdatedAt = at,
                LastSeenAt = TimeProvider.System.GetUtcNow().AddHours(-random.Next(1, random.NextDouble() < 0.05 ? 24 * 90 : 72)),
            });
        }

        await db.InsertAsync(rows);
        if (db.Database.IsNpgsql())
        {
            // What autovacuum does after a load this size, so index-only reads see a register in its steady state.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE devices_devices");
        }

        var total = await db.Set<Device>().CountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count:N0} devices added in {Stopwatch.GetElapsedTime(t0).TotalSeconds:0.0} s; {total:N0} in the register"));
        var cart = rows.Take(1_000).Select(d => d.AssetTag).ToList();
        return (sites[0], students.Take(1_000).Select(s => s.SourcedId).ToList(), (rows[0].StandardId, cart, rows[rows.Count / 2].AssetTag));
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
