using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Users.ManageAccessTokens;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The small demo district (2,000 students, 63 sites, the demo accounts) seeded by the app itself, N tickets bulk-inserted
/// over two years (about 300 open), then: ticket creation through POST /api/v1/helpdesk/tickets, and each queue's page
/// (HTML) and API with the counts, a filtered list, a text search, a number search, a closed-ticket list and a deep page.
/// The app runs in-process (WebApplicationFactory, no sockets), so the figures are the app's and the database's.
/// </summary>
internal static partial class HelpdeskBench
{
    private const int OpenTickets = 300;
    private const string SiteTech = "site.tech@bayview.example";
    private const string HelpDesk = "helpdesk@bayview.example";
    private const string Password = "bayview-demo-2026";

    private static readonly string[] Problems =
    [
        "Projector has no picture", "Tablet won't connect to wireless", "Laptop won't charge", "Forgot PowerSchool password",
        "Printer jams on every page", "Interactive display frozen", "Chromebook screen cracked", "Can't sign in to Illuminate",
        "Email not syncing on phone", "Wireless drops in the library", "Desktop icons disappeared", "Need access to the shared drive",
        "Document camera not detected", "Speaker crackles", "Internet filter blocks a lesson site", "New staff account needed",
        "Keyboard missing keys", "Install a program for the robotics class", "Headphones not recognised", "Wired port dead",
    ];

    // With --search: descriptions and replies drawn from these, so the text search meets rare and common words.
    private static readonly string[] Details =
    [
        "It started after the weekend update.", "The student cart in the gymnasium is affected.", "Only the left half of the screen works.",
        "A loaner would do until it is fixed.", "The error says the trust relationship failed.", "Happens every morning at first period.",
        "The cable looks chewed.", "Sound comes from one speaker only.", "The battery swells near the hinge.", "It beeps three times at start.",
    ];

    private static readonly string[] Replies =
    [
        "Swapped the charger; please try again.", "Re-imaged with the current standard.", "Left a loaner with the front office.",
        "Ordered a replacement hinge.", "Reseated the network cable in the closet.", "Cleared the print queue on the server.",
    ];

    private static readonly string[] GivenNames = ["Maria", "James", "Rosa", "Wei", "Aisha", "Tom", "Lena", "Carlos", "Priya", "Noah", "Fatima", "Ivan"];
    private static readonly string[] FamilyNames = ["Lopez", "Smith", "Nguyen", "Patel", "Garcia", "Kim", "Brown", "Okafor", "Haddad", "Silva", "Chen", "Novak"];

    public static async Task RunAsync(int count, string provider, Dictionary<string, string?> settings, bool search = false)
    {
        Console.WriteLine($"DistrictOps helpdesk benchmark: {count:N0} tickets on {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var started = Stopwatch.GetTimestamp();
        settings["Demo:Seed"] = "true";
        settings["Demo:Students"] = "2000";
        settings["Demo:Password"] = Password;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DISTRICTOPS_WEB", Path.Combine(DistrictOpsHome.Resolve(), "src", "DistrictOps.Web"));
        await using var app = new BenchApp(settings);
        using var warm = app.CreateClient();
        await WaitUntilReadyAsync(warm);
        Console.WriteLine($"{"demo district (2,000 students)",-34} {Stopwatch.GetElapsedTime(started).TotalSeconds,8:0.0} s");

        var (luis, priya) = await PrepareStaffAsync(app);
        started = Stopwatch.GetTimestamp();
        // A kept database (--work DIR --keep) already holds the tickets of an earlier run: time it again without reloading.
        var loaded = await IsLoadedAsync(app, count);
        if (!loaded)
        {
            await InsertTicketsAsync(app, count, luis, priya, search);
            Console.WriteLine($"{"bulk insert tickets",-34} {Stopwatch.GetElapsedTime(started).TotalSeconds,8:0.0} s");
        }

        if (search && !loaded)
        {
            started = Stopwatch.GetTimestamp();
            await InsertRepliesAsync(app);
            Console.WriteLine($"{"one reply on every 4th ticket",-34} {Stopwatch.GetElapsedTime(started).TotalSeconds,8:0.0} s");
        }

        var priyaApi = await ApiClientAsync(app, HelpDesk);
        var luisApi = await ApiClientAsync(app, SiteTech);
        var priyaPages = await SignedInAsync(app, HelpDesk);
        var luisPages = await SignedInAsync(app, SiteTech);
        SiteSummary school;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            school = (await scope.ServiceProvider.GetRequiredService<ISiteDirectory>().ListAsync()).First(s => s.Type is "Elementary" or "Middle" or "High");
        }

        Console.WriteLine();
        Console.WriteLine("| what | median | p95 | n |");
        Console.WriteLine("|---|---|---|---|");
        var create = new List<double>();
        for (var i = 0; i < 210; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var response = await priyaApi.PostAsJsonAsync("/api/v1/helpdesk/tickets", new
            {
                title = $"{Problems[i % Problems.Length]} in room {100 + i}",
                description = "Entered by the benchmark.",
                siteId = school.Id,
                issueTypeId = 1 + (i % 8),
            });
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"POST ticket: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            if (i >= 10)
            {
                create.Add(ms);
            }
        }

        Report("POST /api/v1/helpdesk/tickets (help desk, routed)", create);

        var middle = TicketNumber(count / 2);
        var measures = search ? SearchMeasures(priyaPages, luisPages, middle) : new (string Name, HttpClient Client, string Path)[]
        {
            ("counts API, site technician", luisApi, "/api/v1/helpdesk/queues"),
            ("counts API, help desk", priyaApi, "/api/v1/helpdesk/queues"),
            ("page mine, site technician", luisPages, "/helpdesk/queues/mine"),
            ("page my-sites, site technician", luisPages, "/helpdesk/queues/my-sites"),
            ("page team, site technician", luisPages, "/helpdesk/queues/team"),
            ("page unassigned, site technician", luisPages, "/helpdesk/queues/unassigned"),
            ("page all, site technician", luisPages, "/helpdesk/queues/all"),
            ("page mine, help desk", priyaPages, "/helpdesk/queues/mine"),
            ("page team, help desk", priyaPages, "/helpdesk/queues/team"),
            ("page unassigned, help desk", priyaPages, "/helpdesk/queues/unassigned"),
            ("page all, help desk", priyaPages, "/helpdesk/queues/all"),
            ("API mine, site technician", luisApi, "/api/v1/helpdesk/queues/mine"),
            ("API my-sites, site technician", luisApi, "/api/v1/helpdesk/queues/my-sites"),
            ("API team, site technician", luisApi, "/api/v1/helpdesk/queues/team"),
            ("API all, site technician", luisApi, "/api/v1/helpdesk/queues/all"),
            ("API all, help desk", priyaApi, "/api/v1/helpdesk/queues/all"),
            ("API mine, any status, site technician", luisApi, "/api/v1/helpdesk/queues/mine?status=any"),
            ("API all, any status, site technician", luisApi, "/api/v1/helpdesk/queues/all?status=any"),
            ("API all, any status, help desk", priyaApi, "/api/v1/helpdesk/queues/all?status=any"),
            ("API closed, help desk, page 100", priyaApi, "/api/v1/helpdesk/tickets?status=Closed&page=100"),
            ("API filtered: site + Device + any status", priyaApi, $"/api/v1/helpdesk/tickets?status=any&site={school.Id}&issueType=1"),
            ("API filtered: priority 1, older than 30 d, any status", priyaApi, "/api/v1/helpdesk/tickets?status=any&priority=1&olderThanDays=30"),
            ("API search text 'projector', open", priyaApi, "/api/v1/helpdesk/tickets?q=projector"),
            ("API search text 'projector', any status", priyaApi, "/api/v1/helpdesk/tickets?q=projector&status=any"),
            ("API search text 'room 123', any status", priyaApi, "/api/v1/helpdesk/tickets?q=room%20123&status=any"),
            ("API search text, site technician", luisApi, "/api/v1/helpdesk/queues/all?q=projector&status=any"),
            ($"API search number {middle}", priyaApi, $"/api/v1/helpdesk/tickets?q={middle}"),
            ("page search text 'projector', any status", priyaPages, "/helpdesk/queues/all?q=projector&status=any"),
        };
        foreach (var (name, client, path) in measures)
        {
            var times = new List<double>();
            for (var i = 0; i < 23; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                // The search answers a ticket number with a redirect to the ticket.
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Redirect))
                {
                    throw new InvalidOperationException($"{path}: {response.StatusCode} {body}");
                }

                if (i >= 3)
                {
                    times.Add(ms);
                }
            }

            Report($"{name} (`{path}`)", times);
        }
    }

    private static (string Name, HttpClient Client, string Path)[] SearchMeasures(HttpClient helpDesk, HttpClient siteTech, string middle) =>
    [
        ($"search number {middle} (jump)", helpDesk, $"/helpdesk/search?q={middle}"),
        ("search 'gymnasium' (description, 10%), help desk", helpDesk, "/helpdesk/search?q=gymnasium"),
        ("search 'projector' (title, 5%), help desk", helpDesk, "/helpdesk/search?q=projector"),
        ("search 'hinge' (description and replies), help desk", helpDesk, "/helpdesk/search?q=hinge"),
        ("search 'print queue' (replies only), help desk", helpDesk, "/helpdesk/search?q=print%20queue"),
        ("search 'okafor' (requester and people), help desk", helpDesk, "/helpdesk/search?q=okafor"),
        ("search 'zebra crossing' (no match), help desk", helpDesk, "/helpdesk/search?q=zebra%20crossing"),
        ("search 'gymnasium', site technician (3 sites)", siteTech, "/helpdesk/search?q=gymnasium"),
        ("search 'zebra crossing' (no match), site technician", siteTech, "/helpdesk/search?q=zebra%20crossing"),
    ];

    /// <summary>A public reply on every fourth ticket, written by SQL so the search's triggers index it as the app's would be.</summary>
    private static async Task InsertRepliesAsync(BenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var replies = string.Join(" ", Replies.Select((r, i) => $"WHEN {i} THEN '{r.Replace("'", "''", StringComparison.Ordinal)}'"));
        var isPublic = db.Database.IsSqlite() ? "1" : "true";
        // The SQL is built from the constants above, never from input.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO helpdesk_ticket_events ("TicketId", "At", "Kind", "ActorName", "IsPublic", "Body")
            SELECT "Id", "CreatedAt", 'PublicReply', 'Bench technician', {isPublic}, CASE "Id" % {Replies.Length} {replies} END
            FROM helpdesk_tickets WHERE "Id" % 4 = 0
            """);
#pragma warning restore EF1002
        if (!db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE helpdesk_ticket_events");
        }
    }

    private static async Task<bool> IsLoadedAsync(BenchApp app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Ticket>().CountAsync() >= count;
    }

    private static string TicketNumber(long id) => $"BV-{id:D6}";

    /// <summary>The app answers at once and seeds the demo district in the background; the bench needs its accounts.</summary>
    internal static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * TimeSpan.FromMinutes(15).TotalSeconds);
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("The demo district was not seeded within 15 minutes.");
            }

            await Task.Delay(500);
        }
    }

    private static void Report(string name, List<double> times)
    {
        times.Sort();
        var median = times[times.Count / 2];
        var p95 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)];
        Console.WriteLine($"| {name} | {median:0.0} ms | {p95:0.0} ms | {times.Count} |");
    }

    /// <summary>Luis Ortega covers three schools in the site technicians' team; Priya Natarajan is in the help desk team.</summary>
    private static async Task<(Guid Luis, Guid Priya)> PrepareStaffAsync(BenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sites = await scope.ServiceProvider.GetRequiredService<ISiteDirectory>().ListAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        var (luis, priya) = (users[SiteTech], users[HelpDesk]);
        if (!await db.Set<TeamMember>().AnyAsync())
        {
            db.UserSites.AddRange(sites.Where(s => s.Type is "Elementary" or "Middle" or "High").Take(3).Select(s => new UserSite { UserId = luis, SiteId = s.Id }));
            db.Set<TeamMember>().AddRange(new TeamMember { TeamId = 2, UserId = luis }, new TeamMember { TeamId = 1, UserId = priya });
            await db.SaveChangesAsync();
        }

        return (luis, priya);
    }

    /// <summary>
    /// Tickets over the last two years at every site, of every issue type: about 300 open among the newest, the rest solved or
    /// closed; thirty technicians (Luis and Priya among them) share the assignments, five teams the routing.
    /// </summary>
    private static async Task InsertTicketsAsync(BenchApp app, int count, Guid luis, Guid priya, bool richText)
    {
        var random = new Random(2026);
        IReadOnlyList<SiteSummary> sites;
        List<int> issueTypes;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            sites = await scope.ServiceProvider.GetRequiredService<ISiteDirectory>().ListAsync();
            issueTypes = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<IssueType>().Select(c => c.Id).ToListAsync();
        }

        var technicians = Enumerable.Range(0, 28).Select(i => (Id: Guid.NewGuid(), Name: $"{GivenNames[i % 12]} {FamilyNames[(i * 5) % 12]} (tech)"))
            .Append((Id: luis, Name: "Luis Ortega")).Append((Id: priya, Name: "Priya Natarajan")).ToArray();
        var requesters = Enumerable.Range(0, 1500).Select(i => (Id: Guid.NewGuid(), Name: $"{GivenNames[i % 12]} {FamilyNames[(i / 12) % 12]}")).ToArray();
        var statuses = new[] { TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold };
        var open = new HashSet<int>();
        while (open.Count < Math.Min(OpenTickets, count))
        {
            open.Add(count - 1 - random.Next(Math.Min(count, 3_000)));
        }

        var now = TimeProvider.System.GetUtcNow();
        var start = now.AddDays(-730);
        var step = TimeSpan.FromTicks((now - start).Ticks / Math.Max(1, count));
        const int chunk = 20_000;
        for (var from = 0; from < count; from += chunk)
        {
            var rows = new List<Ticket>(chunk);
            for (var i = from; i < Math.Min(count, from + chunk); i++)
            {
                var created = start + step * i;
                var isOpen = open.Contains(i);
                var site = sites[random.Next(sites.Count)];
                var requester = requesters[random.Next(requesters.Length)];
                var assigned = random.Next(10) < 8;
                var technician = technicians[random.Next(technicians.Length)];
                var updated = isOpen ? now.AddMinutes(-random.Next(60 * 24 * 5)) : created.AddMinutes(random.Next(60 * 24 * 6));
                var status = isOpen ? statuses[random.Next(statuses.Length)] : random.Next(10) < 2 ? TicketStatus.Solved : TicketStatus.Closed;
                rows.Add(new Ticket
                {
                    Title = $"{Problems[random.Next(Problems.Length)]} in room {100 + random.Next(300)}",
                    Description = richText ? $"{Details[random.Next(Details.Length)]} {Details[random.Next(Details.Length)]}" : "Generated by the benchmark.",
                    RequesterPersonId = requester.Id,
                    RequesterName = requester.Name,
                    RequesterRole = "teacher",
                    SiteId = site.Id,
                    IssueTypeId = issueTypes[random.Next(issueTypes.Count)],
                    Impact = (TicketImpact)random.Next(4),
                    Urgency = (TicketUrgency)random.Next(3),
                    Priority = 1 + random.Next(5),
                    InstructionDisrupted = random.Next(10) == 0,
                    Status = status,
                    Channel = (TicketChannel)random.Next(5),
                    TeamId = 1 + random.Next(5),
                    AssigneeUserId = assigned ? technician.Id : null,
                    AssigneeName = assigned ? technician.Name : null,
                    CreatedAt = created,
                    UpdatedAt = updated > now ? now : updated,
                    StatusChangedAt = updated > now ? now : updated,
                    FirstResponseAt = assigned ? created.AddMinutes(30) : null,
                    SolvedAt = isOpen ? null : updated > now ? now : updated,
                    ClosedAt = status == TicketStatus.Closed ? (updated > now ? now : updated) : null,
                });
            }

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.InsertAsync(rows);
            await transaction.CommitAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // PostgreSQL's autovacuum would analyze the new rows within a minute; do it now so the first queries see them.
            if (!db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("ANALYZE helpdesk_tickets");
            }
        }
    }

    internal static async Task<HttpClient> ApiClientAsync(BenchApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var token = await scope.ServiceProvider.GetRequiredService<AccessTokenHandler>().CreateAsync(userId, "bench " + Guid.NewGuid(), null);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Value!.Secret);
        return client;
    }

    private static async Task<HttpClient> SignedInAsync(BenchApp app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/sign-in");
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(form).Groups[1].Value);
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode}");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    // Any public type of the web assembly names its entry point; the bench's own Program would hide the web app's.
    internal sealed class BenchApp(Dictionary<string, string?> settings) : WebApplicationFactory<AppDbContext>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
