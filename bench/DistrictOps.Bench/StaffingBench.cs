using System.Diagnostics;
using System.Globalization;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The staffing pages at <c>times</c> the demo district: every school copied <c>times</c> − 1 times (its type, so the model
/// grows with it), each covering technician copied with the copied schools' coverage, every position nobody reports to
/// copied under the same manager (held by the technician's copy), and the demo's devices, tickets and surveys copied onto
/// the copies. Then each staffing page and API as the IT manager reads them (median of 10 after
/// a warm-up). A kept database (<c>--work DIR</c>) that already holds the copies is used as it is.
/// </summary>
internal static class StaffingBench
{
    private const string Manager = "it.manager@bayview.example";

    public static async Task RunAsync(int times, string provider, Dictionary<string, string?> settings)
    {
        Console.WriteLine($"DistrictOps staffing benchmark: the demo district ×{times} on {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await using var app = DemoBench.Start(settings);
        using var anonymous = await DemoBench.ReadyAsync(app);
        await CopyAsync(app, times);
        int listed;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var (schools, shares) = (await db.Set<Site>().CountAsync(s => s.OrgType == OrgType.School && s.LeftAt == null), await db.Set<TechnicianCoverage>().CountAsync());
            var (devices, tickets, surveys) = (await db.Set<Device>().CountAsync(), await db.Set<Ticket>().CountAsync(), await db.Set<Survey>().CountAsync(s => s.AnsweredAt != null));
            var positions = await db.Set<Position>().CountAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{schools:N0} schools, {shares:N0} coverage rows, {positions:N0} positions, {devices:N0} devices, {tickets:N0} tickets, {surveys:N0} answered surveys"));
            listed = (await scope.ServiceProvider.GetRequiredService<ISiteDirectory>().ListAsync()).Count;
        }

        using var api = await HelpdeskBench.ApiClientAsync(app, Manager);
        using var pages = await KnowledgeBench.PageClientAsync(app, Manager);
        Console.WriteLine();
        Console.WriteLine("| request | median | min–max | load average |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, client, path) in new[]
        {
            ("model (API)", api, "/api/v1/staffing/model"),
            ("model page", pages, "/staffing"),
            ("board print", pages, "/staffing/print"),
            ("positions (API)", api, "/api/v1/staffing/positions"),
            ("positions page (two org charts)", pages, "/staffing/positions"),
            ("coverage (API, every school)", api, "/api/v1/staffing/coverage"),
            ("coverage page, first 50 schools", pages, "/staffing/coverage"),
            ("coverage page, gaps only", pages, "/staffing/coverage?show=gaps"),
            ("workload page, 30 days", pages, "/staffing/workload?days=30"),
            ("workload page, 90 days (default)", pages, "/staffing/workload"),
            ("workload page, 365 days", pages, "/staffing/workload?days=365"),
            ("workload page, 365 days by backlog, last page", pages, $"/staffing/workload?days=365&sort=backlog&desc=true&page={(times * 61 + 49) / 50}"),
            ("workload download, every site (CSV, 365 days)", pages, "/staffing/workload?handler=Export&days=365&table=sites&format=csv"),
            ("plan page", pages, "/staffing/plan"),
            ("phase 1 checkpoint (two windows)", pages, "/staffing/plan/phases/1/checkpoint"),
            ("scenarios compared (API)", api, "/api/v1/staffing/scenarios"),
            ("scenarios page", pages, "/staffing/scenarios"),
        })
        {
            var measured = await Timed.GetAsync(client, path, 10);
            if (path.Contains("handler=Export", StringComparison.Ordinal) && (await client.GetStringAsync(path)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length != listed + 1)
            {
                throw new InvalidOperationException($"{path} did not hold every one of the {listed} sites.");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {measured[4]:0.0} ms | {measured[0]:0.0}–{measured[^1]:0.0} ms | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |"));
        }
    }

    /// <summary>The demo's schools and what hangs on them, copied until there are <paramref name="times"/> of each.</summary>
    private static async Task CopyAsync(HelpdeskBench.BenchApp app, int times)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var schools = await db.Set<Site>().AsNoTracking().Where(s => s.OrgType == OrgType.School && s.LeftAt == null && !s.SourcedId.Contains("-x")).ToListAsync();
        if (await db.Set<Site>().CountAsync(s => s.SourcedId.Contains("-x")) >= schools.Count * (times - 1))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var coverage = await db.Set<TechnicianCoverage>().AsNoTracking().ToListAsync();
        var technicians = await db.Set<Person>().AsNoTracking().Where(p => coverage.Select(c => c.PersonId).Contains(p.Id)).ToListAsync();
        var lastTicket = await db.Set<Ticket>().MaxAsync(t => t.Id);
        var positions = await db.Set<Position>().AsNoTracking().ToListAsync();
        var leaves = positions.Where(p => !positions.Any(r => r.ReportsToId == p.Id)).ToList();
        var originalDevices = await db.Set<Device>().AsNoTracking().Where(d => d.SiteId != null).ToListAsync();
        var originalTickets = await db.Set<Ticket>().AsNoTracking().ToListAsync();
        var originalSurveys = await db.Set<Survey>().AsNoTracking().ToListAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        for (var k = 1; k < times; k++)
        {
            var site = new Dictionary<Guid, Guid>();
            var sites = Fresh(schools).Select(s =>
            {
                site[s.Id] = s.Id = Guid.CreateVersion7();
                (s.SourcedId, s.Name, s.Identifier) = ($"{s.SourcedId}-x{k}", $"{s.Name} {k + 1}", null);
                return s;
            }).ToList();
            var person = new Dictionary<Guid, Guid>();
            var people = Fresh(technicians).Select(p =>
            {
                person[p.Id] = p.Id = Guid.CreateVersion7();
                (p.SourcedId, p.EmployeeId, p.GivenName, p.Email, p.Username) = ($"{p.SourcedId}-x{k}", p.EmployeeId is null ? null : $"{p.EmployeeId}-x{k}", $"{p.GivenName} {k + 1}", null, null);
                return p;
            }).ToList();
            var shares = coverage.Where(c => site.ContainsKey(c.SiteId))
                .Select(c => new TechnicianCoverage { PersonId = person[c.PersonId], SiteId = site[c.SiteId], Share = c.Share }).ToList();
            var posts = Fresh(leaves).Select(p =>
            {
                (p.Id, p.PersonId) = (Guid.CreateVersion7(), p.PersonId is { } holder && person.TryGetValue(holder, out var copy) ? copy : null);
                return p;
            }).ToList();
            var devices = Fresh(originalDevices).Where(d => site.ContainsKey(d.SiteId!.Value)).Select(d =>
            {
                (d.Id, d.AssetTag, d.Serial, d.SiteId) = (Guid.CreateVersion7(), $"{d.AssetTag}-x{k}", $"{d.Serial}-x{k}", site[d.SiteId!.Value]);
                return d;
            }).ToList();
            var offset = lastTicket * k;
            var tickets = Fresh(originalTickets).Where(t => site.ContainsKey(t.SiteId)).Select(t =>
            {
                (t.Id, t.SiteId) = (t.Id + offset, site[t.SiteId]);
                return t;
            }).ToList();
            var copied = tickets.Select(t => t.Id - offset).ToHashSet();
            var surveys = Fresh(originalSurveys).Where(s => copied.Contains(s.TicketId)).Select(s =>
            {
                (s.Id, s.TicketId, s.SiteId) = (0, s.TicketId + offset, site[s.SiteId]);
                return s;
            }).ToList();
            await db.InsertAsync(sites);
            await db.InsertAsync(people);
            await db.InsertAsync(shares);
            await db.InsertAsync(posts);
            await db.InsertAsync(devices);
            await db.InsertWithKeysAsync(tickets);
            await db.InsertAsync(surveys);
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT setval(pg_get_serial_sequence('helpdesk_tickets', 'Id'), {lastTicket * times})");
        }

        await transaction.CommitAsync();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{schools.Count:N0} schools and what hangs on them copied ×{times - 1} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
    }

    /// <summary>The rows again as new objects (EF handed out the same ones), so each copy can change its own.</summary>
    private static List<T> Fresh<T>(List<T> rows) where T : class =>
        rows.Select(r => (T)typeof(T).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.Invoke(r, null)!).ToList();
}
