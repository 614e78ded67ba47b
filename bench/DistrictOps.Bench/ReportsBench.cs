using System.Diagnostics;
using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The help desk reports over N tickets spread over the last two years with the service-level columns filled as the
/// service-level job would leave them (school minutes, breaches against per-priority targets, first-contact flags, reopen
/// counts, device models) and the status moves the backlog reads (solve, pending and back, reopen and solve again). Then
/// each report's API over the last 90 and 365 days, every site: median of 5 after one warm-up call.
/// </summary>
internal static class ReportsBench
{
    private const string HelpDesk = "helpdesk@bayview.example";
    private const string Password = "bayview-demo-2026";
    private static readonly int[] ResponseTargets = [15, 60, 240, 480, 960];
    private static readonly int[] ResolutionTargets = [240, 960, 2400, 4800, 9600];
    private static readonly string[] Models = ["Dell Latitude 3140", "HP Chromebook 11 G9", "Lenovo 300e Gen 3", "iPad 9th gen", "Epson BrightLink 735Fi"];
    private static readonly string[] Reports = ["backlog", "volume", "response-times", "attainment", "resolution-rates", "workload"];

    public static async Task RunAsync(int count, string provider, Dictionary<string, string?> settings)
    {
        Console.WriteLine($"DistrictOps reports benchmark: {count:N0} tickets on {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var started = Stopwatch.GetTimestamp();
        settings["Demo:Seed"] = "true";
        settings["Demo:Students"] = "2000";
        settings["Demo:Password"] = Password;

        // No scheduled jobs: on a kept database the close-solved job would close (update) hundreds of thousands of generated
        // tickets while the reports are timed, competing for the CPU and leaving their pages not all-visible.
        settings["Jobs:Enabled"] = "false";
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DISTRICTOPS_WEB", Path.Combine(DistrictOpsHome.Resolve(), "src", "DistrictOps.Web"));
        await using var app = new HelpdeskBench.BenchApp(settings);
        using var warm = app.CreateClient();
        await HelpdeskBench.WaitUntilReadyAsync(warm);
        Console.WriteLine($"{"demo district (2,000 students)",-34} {Stopwatch.GetElapsedTime(started).TotalSeconds,8:0.0} s");

        started = Stopwatch.GetTimestamp();
        var (inserted, events) = await InsertAsync(app, count);
        Console.WriteLine(inserted
            ? $"{"bulk insert tickets + events",-34} {Stopwatch.GetElapsedTime(started).TotalSeconds,8:0.0} s ({events:N0} status events)"
            : $"{"kept database",-34} {events,8:N0} status events");

        var client = await HelpdeskBench.ApiClientAsync(app, HelpDesk);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).DateTime);
        async Task<List<string>> YearAsync()
        {
            var bodies = new List<string>();
            foreach (var report in Reports)
            {
                bodies.Add(await client.GetStringAsync($"/api/v1/helpdesk/reports/{report}?from={today.AddDays(-364):yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
            }

            return bodies;
        }

        // The stored days (ADR 0038) the scheduled job keeps; jobs are off here, so they are stored by hand, every day afresh,
        // and every report over 365 days is checked against the same report counted live.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ReportDaysState>().ExecuteDeleteAsync();
        }

        var live = await YearAsync();
        started = Stopwatch.GetTimestamp();
        int storedDays;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            storedDays = await scope.ServiceProvider.GetRequiredService<ServiceReportsHandler>().RefreshStoredDaysAsync();
        }

        Console.WriteLine($"{"store report days",-34} {Stopwatch.GetElapsedTime(started).TotalSeconds,8:0.0} s ({storedDays:N0} days computed)");
        var same = live.SequenceEqual(await YearAsync());
        Console.WriteLine($"{"stored reports equal live ones",-34} {(same ? "yes" : "NO")}");
        if (!same)
        {
            throw new InvalidOperationException("A report added up from stored days differs from the same report counted live.");
        }

        Console.WriteLine();
        Console.WriteLine("| report | 90 days median | 90 days min–max | 365 days median | 365 days min–max | load average |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var report in Reports)
        {
            var cells = new List<string>();
            foreach (var days in new[] { 90, 365 })
            {
                var path = $"/api/v1/helpdesk/reports/{report}?from={today.AddDays(1 - days):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
                var times = await Timed.GetAsync(client, path, 5);
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{times[2]:0} ms | {times[0]:0}–{times[^1]:0} ms"));
            }

            Console.WriteLine($"| {report} | {string.Join(" | ", cells)} | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |");
        }

        // A report after tickets opened on past days changed counts the days they touch live until the job refills them
        // (ADR 0038): closed tickets from the last year marked changed now, then attainment over 365 days timed (median of 5).
        Console.WriteLine();
        var attainment = $"/api/v1/helpdesk/reports/attainment?from={today.AddDays(-364):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        foreach (var changed in new[] { 1, 10, 50 })
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var now = TimeProvider.System.GetUtcNow();
                var ids = await db.Set<Ticket>().Where(t => t.Status == TicketStatus.Closed && t.CreatedAt > now.AddDays(-360))
                    .Select(t => t.Id).OrderBy(id => id).Skip(Random.Shared.Next(1_000, 400_000)).Take(changed * 997).ToListAsync();
                var picked = ids.Where((_, i) => i % 997 == 0).ToList();
                await db.Set<Ticket>().Where(t => picked.Contains(t.Id)).ExecuteUpdateAsync(u => u.SetProperty(t => t.UpdatedAt, now));
            }

            var times = await Timed.GetAsync(client, attainment, 5);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"attainment 365 days after {changed,2} changed ticket(s): {times[2]:0} ms (load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
        }
    }

    private static async Task<(bool Inserted, long Events)> InsertAsync(HelpdeskBench.BenchApp app, int count)
    {
        var random = new Random(2027);
        IReadOnlyList<SiteSummary> sites;
        List<int> issueTypes;
        long firstId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            sites = await scope.ServiceProvider.GetRequiredService<ISiteDirectory>().ListAsync();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            issueTypes = await db.Set<IssueType>().Select(c => c.Id).ToListAsync();
            firstId = (await db.Set<Ticket>().MaxAsync(t => (long?)t.Id) ?? 0) + 1;
            if (await db.Set<Ticket>().CountAsync() >= count)
            {
                // A kept database (--work DIR that already holds the tickets): time the reports again without reloading.
                return (false, await db.Set<TicketEvent>().CountAsync());
            }
        }

        var technicians = Enumerable.Range(0, 30).Select(i => (Id: Guid.NewGuid(), Name: $"Technician {i + 1:D2}")).ToArray();
        var now = TimeProvider.System.GetUtcNow();
        var start = now.AddDays(-730);
        var step = TimeSpan.FromTicks((now - start).Ticks / Math.Max(1, count));
        var statuses = new[] { TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold };
        long eventCount = 0;
        const int chunk = 20_000;
        for (var from = 0; from < count; from += chunk)
        {
            var tickets = new List<Ticket>(chunk);
            var moves = new List<TicketEvent>(chunk * 2);
            for (var i = from; i < Math.Min(count, from + chunk); i++)
            {
                var id = firstId + i;
                var created = start + (step * i);
                var priority = random.Next(100) switch { < 3 => 1, < 20 => 2, < 75 => 3, < 95 => 4, _ => 5 };
                var channel = random.Next(100) switch { < 50 => TicketChannel.Web, < 70 => TicketChannel.Phone, < 80 => TicketChannel.WalkIn, < 90 => TicketChannel.Email, _ => TicketChannel.DirectToTechnician };
                var technician = technicians[random.Next(technicians.Length)];
                var assigned = random.Next(10) < 9;
                var response = (int)Math.Exp(2 + (random.NextDouble() * 4));
                var resolution = response + (int)Math.Exp(4 + (random.NextDouble() * 5));
                var wallMinutes = resolution * 3;
                var solved = created.AddMinutes(wallMinutes);
                var open = solved > now || (count - i) <= 300;
                var pending = random.Next(100) < 15;
                var reopened = !open && random.Next(100) < 4;
                var ticket = new Ticket
                {
                    Id = id,
                    Title = "Generated for the reports benchmark",
                    Description = "Generated.",
                    RequesterName = "Benchmark requester",
                    SiteId = sites[random.Next(sites.Count)].Id,
                    IssueTypeId = issueTypes[random.Next(issueTypes.Count)],
                    Priority = priority,
                    Channel = channel,
                    TeamId = 1 + random.Next(5),
                    AssigneeUserId = assigned ? technician.Id : null,
                    AssigneeName = assigned ? technician.Name : null,
                    CreatedAt = created,
                    UpdatedAt = open ? now : solved,
                    StatusChangedAt = open ? created : solved,
                    FirstResponseAt = created.AddMinutes(response * 3),
                    ServiceLevelPolicyId = random.Next(100) < 5 ? null : priority == 1 ? 1 : 2,
                    ResponseMinutes = response,
                    ResponseBreached = response > ResponseTargets[priority - 1],
                    DeviceModel = random.Next(2) == 0 ? Models[random.Next(Models.Length)] : null,
                    InstructionDisrupted = random.Next(10) == 0,
                    Status = open ? statuses[random.Next(statuses.Length)] : random.Next(10) < 2 ? TicketStatus.Solved : TicketStatus.Closed,
                };
                if (!open)
                {
                    ticket.SolvedAt = solved;
                    ticket.ClosedAt = ticket.Status == TicketStatus.Closed ? solved : null;
                    ticket.ResolutionMinutes = resolution;
                    ticket.ResolutionBreached = resolution > ResolutionTargets[priority - 1];
                    ticket.FirstContactResolution = !pending && !reopened && random.Next(100) < 35;
                    ticket.ReopenCount = reopened ? 1 : 0;
                }

                tickets.Add(ticket);
                var solvedAt = open ? now : solved;
                if (pending)
                {
                    var asked = created + ((solvedAt - created) / 4);
                    moves.Add(Move(id, asked, TicketStatus.Open, TicketStatus.Pending));
                    if (!open || ticket.Status != TicketStatus.Pending)
                    {
                        moves.Add(Move(id, created + ((solvedAt - created) / 2), TicketStatus.Pending, TicketStatus.Open));
                    }
                }
                else if (open && ticket.Status == TicketStatus.Pending)
                {
                    moves.Add(Move(id, created.AddMinutes(5), TicketStatus.New, TicketStatus.Pending));
                }

                if (!open)
                {
                    if (reopened)
                    {
                        var first = created + ((solved - created) * 0.6);
                        moves.Add(Move(id, first, TicketStatus.Open, TicketStatus.Solved));
                        moves.Add(Move(id, created + ((solved - created) * 0.7), TicketStatus.Solved, TicketStatus.Open));
                    }

                    moves.Add(Move(id, solved, TicketStatus.Open, TicketStatus.Solved));
                }
            }

            eventCount += moves.Count;
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.InsertWithKeysAsync(tickets);
            await db.InsertAsync(moves);
            await transaction.CommitAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!db.Database.IsSqlite())
            {
                // VACUUM as well: the reports' covering indexes are read index-only only where the visibility map says so.
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE helpdesk_tickets");
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE helpdesk_ticket_events");
            }
        }

        return (true, eventCount);
    }

    private static TicketEvent Move(long ticket, DateTimeOffset at, TicketStatus from, TicketStatus to) =>
        new() { TicketId = ticket, At = at, Kind = TicketEventKind.StatusChanged, ActorName = "Benchmark", IsPublic = true, FromStatus = from, ToStatus = to };
}
