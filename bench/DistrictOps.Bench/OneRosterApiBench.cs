using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.IssueApiCredentials;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Paging through every user of a district over the OneRoster API, as a vendor's nightly sync does: an app with an enabled
/// agreement for every site, students and teachers, every field; its token; then <c>/users</c> page after page (1.2,
/// sourcedId order) at limit 100 and at the cap, each page's time recorded (every page is also recorded in the request
/// table and marks its people shared, as in production). Then one page at a deep offset that no earlier page ended at.
/// </summary>
internal static class OneRosterApiBench
{
    private const string Users = "/ims/oneroster/rostering/v1p2/users";

    public static async Task RunAsync(string provider, Dictionary<string, string?> settings)
    {
        await using var app = DemoBench.Start(settings);
        using var anonymous = await DemoBench.ReadyAsync(app);
        var (clientId, secret) = await RegisterAsync(app);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(app, clientId, secret));
        Console.WriteLine($"DistrictOps OneRoster API benchmark on {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load {Load()}");
        Console.WriteLine();
        Console.WriteLine("| walk | users | pages | wall | first page (counts) | median page | 95th percentile | slowest | load average before → after |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var limit in new[] { 100, 1000 })
        {
            await WalkAsync(client, limit);
        }

        var deep = await Timed.GetAsync(client, Users + "?limit=100&offset=900037&fields=sourcedId", 3);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nOne page at offset 900,037, where no page ended (read by OFFSET): median {deep[1]:0} ms of 3; load {Load()}"));
    }

    private static async Task WalkAsync(HttpClient client, int limit)
    {
        var before = Load();
        var times = new List<double>();
        var (offset, total, users) = (0, -1, 0L);
        var wall = Stopwatch.GetTimestamp();
        while (total < 0 || offset < total)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync($"{Users}?limit={limit}&offset={offset}");
            await using var body = await response.Content.ReadAsStreamAsync();
            using var json = await JsonDocument.ParseAsync(body);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"offset {offset}: {response.StatusCode} {json.RootElement}");
            }

            total = int.Parse(response.Headers.GetValues("X-Total-Count").First(), CultureInfo.InvariantCulture);
            var count = json.RootElement.GetProperty("users").GetArrayLength();
            users += count;
            offset += count;
            if (count == 0)
            {
                break;
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(wall);
        var first = times[0];
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| limit {limit} | {users:N0} | {times.Count:N0} | {elapsed.TotalSeconds:0.0} s | {first:0} ms | {times[times.Count / 2]:0.0} ms | {times[(int)(times.Count * 0.95)]:0.0} ms | {times[^1]:0} ms | {before} → {Load()} |"));
    }

    private static async Task<(string ClientId, string Secret)> RegisterAsync(HelpdeskBench.BenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var existing = await db.Set<RosterApp>().FirstOrDefaultAsync(a => a.Name == "Bench reader");
        if (existing is not null)
        {
            db.RemoveRange(db.Set<SharingAgreement>().Where(a => a.AppId == existing.Id));
            existing.Name = "Bench reader " + Guid.NewGuid().ToString("N")[..6];
            existing.Status = AppStatus.Retired;
            await db.SaveChangesAsync();
        }

        var app2 = new RosterApp { Id = Guid.NewGuid(), Name = "Bench reader", Vendor = "Bench", Status = AppStatus.Active };
        db.Add(app2);
        db.Add(new SharingAgreement
        {
            Id = Guid.NewGuid(), AppId = app2.Id, Roles = SharedRoles.Students | SharedRoles.Teachers, Fields = Enum.GetValues<SharedFields>().Aggregate((a, b) => a | b), Format = ExportFormat.OneRoster12,
            Method = DeliveryMethod.Api, Enabled = true, UpdatedBy = "bench",
        });
        await db.SaveChangesAsync();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiCredentialsHandler>().IssueAsync(app2.Id, CancellationToken.None);
        return (issued.Value!.ClientId, issued.Value.ClientSecret);
    }

    private static async Task<string> TokenAsync(HelpdeskBench.BenchApp app, string clientId, string secret)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/ims/oneroster/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "roster.readonly",
        }));
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()! : throw new InvalidOperationException(body);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
