using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

/// <summary>
/// Seven tickets with known minutes, flags and status histories around 5–9 October 2026 (Los Angeles, UTC−7), the clock
/// on 10 October: every report's numbers are worked out by hand in the comments.
/// </summary>
public sealed class ReportOnServiceTests
{
    private const string Range = "from=2026-10-05&to=2026-10-09";
    private static readonly DateTimeOffset Now = new(2026, 10, 10, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [Providers]
    public async Task Every_report_counts_the_known_tickets_exactly(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        var client = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);

        // Backlog at the end of each local day: the reopened ticket is open again on the 7th, the pending one from the 7th,
        // the ticket solved at 23:30 local on the 8th (06:30 UTC on the 9th) is gone by the end of the 8th.
        var backlog = await GetAsync(client, "backlog");
        Assert.Equal(
            ["2026-10-05 2/0", "2026-10-06 2/0", "2026-10-07 2/1", "2026-10-08 1/1", "2026-10-09 1/1"],
            backlog.GetProperty("days").EnumerateArray().Select(d => $"{d.GetProperty("date").GetString()} {d.GetProperty("open").GetInt32()}/{d.GetProperty("pending").GetInt32()}"));
        Assert.Equal(2, backlog.GetProperty("days")[4].GetProperty("total").GetInt32());

        var volume = await GetAsync(client, "volume");
        Assert.Equal(
            ["1 1 0 0 0", "1 0 0 0 0", "0 0 0 1 0", "0 0 0 0 1", "0 0 0 0 0"],
            volume.GetProperty("days").EnumerateArray().Select(d => string.Join(' ', new[] { "web", "phone", "walkIn", "email", "directToTechnician" }.Select(c => d.GetProperty(c).GetInt32()))));
        Assert.Equal(5, volume.GetProperty("totals").GetProperty("total").GetInt32());

        // Response (opened in range): 10, 20, 30, 50, 70 → median 30, p90 62. Resolution (solved in range): 20, 300, 600, 900 → 450, 810.
        var times = await GetAsync(client, "response-times");
        Assert.Equal("5 30 62 | 4 450 810", Figures(times.GetProperty("overall")));
        Assert.Equal("4 35 64 | 3 300 780", Figures(Row(times.GetProperty("bySite"), world.Elementary.ToString())));
        Assert.Equal("1 30 30 | 1 600 600", Figures(Row(times.GetProperty("bySite"), world.High.ToString())));
        Assert.Equal("3 20 28 | 3 300 540", Figures(Row(times.GetProperty("byPriority"), "2")));
        Assert.Equal("2 60 68 | 1 900 900", Figures(Row(times.GetProperty("byPriority"), "3")));

        // Attainment (tickets with a policy): response 3 of 4 met, resolution 2 of 3.
        var attainment = await GetAsync(client, "attainment");
        Assert.Equal("3/4 75 | 2/3 66.7", Met(attainment.GetProperty("overall")));
        Assert.Equal("2/3 66.7 | 2/2 100", Met(Row(attainment.GetProperty("bySite"), world.Elementary.ToString())));
        Assert.Equal("1/1 100 | 0/1 0", Met(Row(attainment.GetProperty("bySite"), world.High.ToString())));
        Assert.Equal("2/3 66.7 | 2/2 100", Met(Row(attainment.GetProperty("byTechnician"), world.Users[HelpdeskWorld.SiteTech].ToString())));
        Assert.Equal("1/1 100 | 0/1 0", Met(Row(attainment.GetProperty("byTechnician"), world.Users[HelpdeskWorld.SecondTech].ToString())));

        // Opened in range: 5; same day 2 (one across UTC midnight), bypass 1, reopened 1; first contact 2 of the 4 solved with it recorded.
        var rates = await GetAsync(client, "resolution-rates");
        var overall = rates.GetProperty("overall");
        Assert.Equal(
            "5 2/5 40 | 2/4 50 | 1/5 20 | 1/5 20",
            $"{overall.GetProperty("opened").GetInt32()} {Share(overall.GetProperty("sameDay"))} | {Share(overall.GetProperty("firstContact"))} | {Share(overall.GetProperty("bypass"))} | {Share(overall.GetProperty("reopened"))}");

        var workload = await GetAsync(client, "workload");
        Assert.Equal(
            ["Ivan Petrov 3 2", "Sam Ruiz 2 2"],
            workload.GetProperty("technicians").EnumerateArray().Select(t => $"{t.GetProperty("name").GetString()} {t.GetProperty("assigned").GetInt32()} {t.GetProperty("solved").GetInt32()}"));
        Assert.Equal("estimated from 1-to-1 enrollment", workload.GetProperty("deviceCountSource").GetString());
        var elementary = workload.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("siteId").GetGuid() == world.Elementary);
        var enrollment = await EnrollmentAsync(world, world.Elementary);
        Assert.Equal((4, enrollment), (elementary.GetProperty("opened").GetInt32(), elementary.GetProperty("devices").GetInt32()));
        Assert.Equal(Math.Round(400.0 / enrollment, 1), elementary.GetProperty("perHundredDevices").GetDouble());
    }

    [Theory]
    [Providers]
    public async Task A_site_filter_counts_only_that_sites_tickets(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        var client = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);

        var backlog = await GetAsync(client, "backlog", $"&site={world.High}");
        Assert.Equal([1, 1, 0, 0, 0], backlog.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("open").GetInt32() + d.GetProperty("pending").GetInt32() - 1));
        Assert.Equal("Bayview High", backlog.GetProperty("range").GetProperty("siteName").GetString());
        var times = await GetAsync(client, "response-times", $"&site={world.High}");
        Assert.Equal("1 30 30 | 1 600 600", Figures(times.GetProperty("overall")));
    }

    [Theory]
    [Providers]
    public async Task Bad_filters_are_named_and_reports_need_the_see_all_permission(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        var client = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);

        foreach (var (query, field) in new[]
                 {
                     ("from=2026-10-09&to=2026-10-01", "to"), ("from=2025-01-01&to=2026-01-05", "to"), ("from=10/05/2026", "from"),
                     ($"site={Guid.NewGuid()}", "site"), ("site=harbor", "site"),
                 })
        {
            var response = await client.GetAsync($"/api/v1/helpdesk/reports/attainment?{query}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.Equal([field], JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }

        // The reports read their days as every list does, with the same messages (QueryReader.Days).
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        foreach (var report in new[] { "attainment", "satisfaction", "recurring-issues" })
        {
            var backwards = await manager.GetAsync($"/api/v1/helpdesk/reports/{report}?from=2026-10-09&to=2026-10-01");
            var notADate = await manager.GetAsync($"/api/v1/helpdesk/reports/{report}?from=10/05/2026");
            Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (backwards.StatusCode, notADate.StatusCode));
            Assert.Equal("to: expected a day on or after from (2026-10-09); got '2026-10-01'.", await FirstErrorAsync(backwards, "to"));
            Assert.Equal("from: expected a date as YYYY-MM-DD; got '10/05/2026'.", await FirstErrorAsync(notADate, "from"));
        }

        var technician = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.GetAsync("/api/v1/helpdesk/reports/backlog")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/helpdesk/reports/backlog")).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task Stored_days_add_up_to_the_live_figures_and_follow_changed_tickets(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        var client = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);

        // One more ticket, opened on 20 August and solved on 15 September, so that September is stored whole.
        await using (var db = world.Db.OpenContext())
        {
            var (opened, solved) = (new DateTimeOffset(2026, 8, 20, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 9, 15, 17, 0, 0, TimeSpan.Zero));
            var summer = new Ticket
            {
                Title = "Summer imaging", Description = "Report test.", RequesterName = "Maria Lopez", SiteId = world.High, IssueTypeId = 1, Priority = 3,
                Channel = TicketChannel.Email, Status = TicketStatus.Solved, TeamId = HelpdeskDefaults.SiteTechnicianTeam, CreatedAt = opened, UpdatedAt = solved,
                StatusChangedAt = solved, SolvedAt = solved, ResponseMinutes = 40, ResolutionMinutes = 800, ServiceLevelPolicyId = HelpdeskDefaults.DistrictStandardPolicy,
            };
            db.Add(summer);
            await db.SaveChangesAsync();
            db.Add(new TicketEvent { TicketId = summer.Id, At = solved, Kind = TicketEventKind.StatusChanged, ActorName = "Test", FromStatus = TicketStatus.Open, ToStatus = TicketStatus.Solved });
            await db.SaveChangesAsync();
        }

        var live = await StoredReportsAsync(client);

        // 20 August to 9 October; the clock's today (the 10th) is not stored. September's response times are added up whole.
        Assert.Equal(51, await StoreDaysAsync(world));
        Assert.Equal(live, await StoredReportsAsync(client));
        Assert.Equal(0, await StoreDaysAsync(world));
        await using (var db = world.Db.OpenContext())
        {
            Assert.Equal([new DateOnly(2026, 9, 1)], (await db.Set<ReportMinutes>().Where(d => d.Family == ReportFamily.ResponseTimesByMonth).Select(d => d.Day).Distinct().ToListAsync()).Select(StoredReportDays.Date));
            foreach (var month in await db.Set<ReportMinutes>().Where(d => d.Family == ReportFamily.ResponseTimesByMonth).ToListAsync())
            {
                month.Minutes = MinuteCounts.Merge([month.Minutes, month.Minutes]);
            }

            await db.SaveChangesAsync();
        }

        // With September's sums doubled by hand its ticket counts twice: the month is read from them, not from its days.
        Assert.NotEqual(live, await StoredReportsAsync(client));
        Assert.Equal(51, await RestoreAsync(world));
        Assert.Equal(live, await StoredReportsAsync(client));

        // The reports add up the stored days: a stored count changed by hand shows, until every day is stored afresh.
        await using (var db = world.Db.OpenContext())
        {
            await db.Set<ReportDay>().Where(d => d.Family == ReportFamily.Volume && d.Key == "Phone").ExecuteUpdateAsync(s => s.SetProperty(d => d.Count0, d => d.Count0 + 100));
        }

        Assert.Equal(101, (await GetAsync(client, "volume")).GetProperty("days")[0].GetProperty("phone").GetInt32());
        Assert.Equal(51, await RestoreAsync(world));
        Assert.Equal(live, await StoredReportsAsync(client));

        // Changes on past days' tickets, through the API: a ticket solved on the 7th reopened, one solved on the 8th handed to
        // another technician, the one open since the 1st solved today, the summer one moved to the network team. Only the reopened
        // ticket's earlier solve touches the 7th.
        await using (var db = world.Db.OpenContext())
        {
            var numbers = await db.Set<Ticket>().ToDictionaryAsync(t => t.Title, t => TicketNumber.Format("BV", t.Id));
            var changes = new[]
            {
                await client.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{numbers["Solved late"]}/reopen", new { reason = "Still broken." }),
                await client.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{numbers["Reopened"]}", new { assigneeUserId = world.Users[HelpdeskWorld.SecondTech] }),
                await client.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{numbers["Open since before"]}", new { status = "Solved" }),
                await client.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{numbers["Summer imaging"]}", new { teamId = HelpdeskDefaults.NetworkTeam }),
            };
            Assert.All(changes, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        }

        // Until the job refills them, the seven days those tickets touch are counted live; then they are read stored again,
        // once the changes are older than the margin left for late commits.
        var afterChanges = await StoredReportsAsync(client);
        Assert.NotEqual(live, afterChanges);
        ((FakeTimeProvider)world.App.Services.GetRequiredService<TimeProvider>()).Advance(StoredReportDays.CommitMargin + TimeSpan.FromMinutes(1));
        Assert.Equal(7, await StoreDaysAsync(world));
        Assert.Equal(afterChanges, await StoredReportsAsync(client));
        await using (var db = world.Db.OpenContext())
        {
            // September, refilled for the summer ticket, is still added up whole.
            Assert.True(await db.Set<ReportMinutes>().AnyAsync(d => d.Family == ReportFamily.ResponseTimesByMonth));
            await db.Set<ReportDaysState>().ExecuteDeleteAsync();
        }

        Assert.Equal(await StoredReportsAsync(client), afterChanges);
    }

    /// <summary>Every report stored days serve, over the test's range and over one that ends today, after the stored days.</summary>
    private static async Task<List<string>> StoredReportsAsync(HttpClient client)
    {
        var bodies = new List<string>();
        foreach (var range in new[] { Range, "from=2026-10-02&to=2026-10-10", "from=2026-08-25&to=2026-10-10" })
        {
            foreach (var report in new[] { "backlog", "volume", "response-times", "attainment", "resolution-rates", "workload" })
            {
                var response = await client.GetAsync($"/api/v1/helpdesk/reports/{report}?{range}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, body);
                bodies.Add($"{report}?{range}: {body}");
            }
        }

        return bodies;
    }

    /// <summary>Stores every day afresh: a time zone other than the one the days were stored in drops them all.</summary>
    private static async Task<int> RestoreAsync(HelpdeskWorld world)
    {
        await using (var db = world.Db.OpenContext())
        {
            await db.Set<ReportDaysState>().ExecuteUpdateAsync(s => s.SetProperty(d => d.TimeZone, "Etc/UTC"));
        }

        return await StoreDaysAsync(world);
    }

    private static async Task<int> StoreDaysAsync(HelpdeskWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<StoreReportDaysWork>().RunAsync(CancellationToken.None)).Changed;
    }

    private static async Task<string?> FirstErrorAsync(HttpResponseMessage response, string field) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty(field)[0].GetString();

    [Theory]
    [Providers]
    public async Task Pages_draw_accessible_charts_and_download_the_same_figures_as_csv_and_xlsx(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.HelpDesk);

        var index = await browser.GetStringAsync($"/helpdesk/reports?{Range}");
        Assert.Contains("/helpdesk/reports/attainment?from=2026-10-05&amp;to=2026-10-09", index, StringComparison.Ordinal);
        Assert.Contains("<dd>40 %</dd>", index, StringComparison.Ordinal);

        foreach (var name in ReportExports.Names)
        {
            var page = await browser.GetAsync($"/helpdesk/reports/{name}?{Range}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains($"href=\"/helpdesk/reports/{name}?from=2026-10-05&amp;to=2026-10-09&amp;format=xlsx\"", html, StringComparison.Ordinal);
            if (name is "backlog" or "volume" or "response-times" or "attainment")
            {
                Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
                Assert.Contains("-desc\">", html, StringComparison.Ordinal);
            }
        }

        var backlogPage = await browser.GetStringAsync($"/helpdesk/reports/backlog?{Range}");
        Assert.Contains("Open tickets went from 2 on 2026-10-05 to 1 on 2026-10-09; pending from 0 to 1.", backlogPage, StringComparison.Ordinal);
        var bad = await browser.GetStringAsync("/helpdesk/reports/backlog?from=2026-10-09&to=2026-10-01");
        Assert.Contains("id=\"to-error\"", bad, StringComparison.Ordinal);

        var csv = await browser.GetAsync($"/helpdesk/reports/volume?{Range}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("helpdesk-volume-2026-10-05-2026-10-09.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        var lines = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        Assert.Equal("Date,Web,Phone,Walk-in,Email,Direct to technician,Total", lines[0]);
        Assert.Equal("2026-10-05,1,1,0,0,0,2", lines[1]);
        Assert.Equal("2026-10-08,0,0,0,0,1,1", lines[4]);

        var xlsx = await browser.GetAsync($"/helpdesk/reports/attainment?{Range}&format=xlsx");
        Assert.Equal(Web.Platform.Export.ExportTable.XlsxContentType, xlsx.Content.Headers.ContentType!.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var part = document.WorkbookPart!;
        var rows = ((WorksheetPart)part.GetPartById(part.Workbook.Sheets!.Elements<Sheet>().Single().Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal("Group", rows[0].Elements<Cell>().First().InlineString!.InnerText);
        var all = rows[1].Elements<Cell>().ToList();
        Assert.Equal(["All", "All tickets"], all.Take(2).Select(c => c.InlineString!.InnerText));
        Assert.Equal(["4", "3", "75", "3", "2", "66.7"], all.Skip(2).Select(c => c.CellValue!.Text));
        Assert.All(all.Skip(2), c => Assert.Equal(CellValues.Number, c.DataType!.Value));
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string report, string extra = "")
    {
        var response = await client.GetAsync($"/api/v1/helpdesk/reports/{report}?{Range}{extra}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static JsonElement Row(JsonElement rows, string key) => rows.EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    private static string Figures(JsonElement row) =>
        $"{Figure(row.GetProperty("response"))} | {Figure(row.GetProperty("resolution"))}";

    private static string Figure(JsonElement f) =>
        $"{f.GetProperty("count").GetInt32()} {f.GetProperty("median").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)} {f.GetProperty("p90").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static string Met(JsonElement row) => $"{Share(row.GetProperty("response"))} | {Share(row.GetProperty("resolution"))}";

    private static string Share(JsonElement share) =>
        $"{share.GetProperty("count").GetInt32()}/{share.GetProperty("of").GetInt32()} {share.GetProperty("percent").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static async Task<int> EnrollmentAsync(HelpdeskWorld world, Guid site)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ISiteDirectory>().FindAsync(site))!.Enrollment;
    }

    private static async Task<HelpdeskWorld> WorldAsync(DatabaseProvider provider)
    {
        var world = await HelpdeskWorld.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        await using var db = world.Db.OpenContext();
        await db.Set<TicketEvent>().ExecuteDeleteAsync();
        await db.Set<Ticket>().ExecuteDeleteAsync();
        var (ivan, sam) = (world.Users[HelpdeskWorld.SiteTech], world.Users[HelpdeskWorld.SecondTech]);

        // Times are UTC; Los Angeles is UTC−7 until 1 November.
        static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 10, day, hour, minute, 0, TimeSpan.Zero);
        Ticket Make(string title, Guid site, TicketChannel channel, int priority, DateTimeOffset created, Guid? assignee, string? name) => new()
        {
            Title = title, Description = "Report test.", RequesterName = "Maria Lopez", SiteId = site, IssueTypeId = 1, Priority = priority, Channel = channel,
            Status = TicketStatus.New, TeamId = HelpdeskDefaults.SiteTechnicianTeam, AssigneeUserId = assignee, AssigneeName = name,
            CreatedAt = created, UpdatedAt = created, StatusChangedAt = created, ServiceLevelPolicyId = HelpdeskDefaults.DistrictStandardPolicy,
        };

        var t1 = Make("Solved the same day", world.Elementary, TicketChannel.Web, 2, At(5, 16), ivan, "Ivan Petrov");
        (t1.Status, t1.ResponseMinutes, t1.ResolutionMinutes, t1.SolvedAt, t1.ClosedAt, t1.FirstContactResolution) = (TicketStatus.Closed, 10, 300, At(5, 21), At(9, 18), true);
        var t2 = Make("Solved late", world.High, TicketChannel.Phone, 2, At(5, 17), sam, "Sam Ruiz");
        (t2.Status, t2.ResponseMinutes, t2.ResolutionMinutes, t2.SolvedAt, t2.ResolutionBreached, t2.FirstContactResolution) = (TicketStatus.Solved, 30, 600, At(7, 17), true, false);
        var t3 = Make("Reopened", world.Elementary, TicketChannel.Web, 3, At(6, 15), ivan, "Ivan Petrov");
        (t3.Status, t3.ResponseMinutes, t3.ResolutionMinutes, t3.SolvedAt, t3.ResponseBreached, t3.ReopenCount, t3.FirstContactResolution) = (TicketStatus.Solved, 50, 900, At(8, 18), true, 1, false);
        var t4 = Make("Waiting on the teacher", world.Elementary, TicketChannel.Email, 3, At(7, 15), ivan, "Ivan Petrov");
        (t4.Status, t4.ResponseMinutes) = (TicketStatus.Pending, 70);
        var t5 = Make("Evening fix, no policy", world.Elementary, TicketChannel.DirectToTechnician, 2, At(8, 23), sam, "Sam Ruiz");
        (t5.Status, t5.ResponseMinutes, t5.ResolutionMinutes, t5.SolvedAt, t5.ServiceLevelPolicyId, t5.FirstContactResolution) = (TicketStatus.Solved, 20, 20, At(9, 6, 30), null, true);
        var t6 = Make("Open since before", world.High, TicketChannel.Web, 4, At(1, 17), null, null);
        (t6.Status, t6.ResponseBreached) = (TicketStatus.Open, true);
        var t7 = Make("Opened after the range", world.Elementary, TicketChannel.Web, 3, At(10, 16), null, null);
        db.Set<Ticket>().AddRange(t1, t2, t3, t4, t5, t6, t7);
        await db.SaveChangesAsync();

        TicketEvent Move(Ticket ticket, DateTimeOffset at, TicketStatus from, TicketStatus to) =>
            new() { TicketId = ticket.Id, At = at, Kind = TicketEventKind.StatusChanged, ActorName = "Test", FromStatus = from, ToStatus = to };
        db.Set<TicketEvent>().AddRange(
            new TicketEvent { TicketId = t1.Id, At = t1.CreatedAt, Kind = TicketEventKind.Created, ActorName = "Test" },
            Move(t1, At(5, 16, 30), TicketStatus.New, TicketStatus.Open), Move(t1, At(5, 21), TicketStatus.Open, TicketStatus.Solved), Move(t1, At(9, 18), TicketStatus.Solved, TicketStatus.Closed),
            Move(t2, At(5, 17, 30), TicketStatus.New, TicketStatus.Open), Move(t2, At(7, 17), TicketStatus.Open, TicketStatus.Solved),
            Move(t3, At(6, 15, 30), TicketStatus.New, TicketStatus.Open), Move(t3, At(6, 19), TicketStatus.Open, TicketStatus.Solved),
            Move(t3, At(7, 16), TicketStatus.Solved, TicketStatus.Open), Move(t3, At(8, 18), TicketStatus.Open, TicketStatus.Solved),
            Move(t4, At(7, 15, 30), TicketStatus.New, TicketStatus.Open), Move(t4, At(7, 20), TicketStatus.Open, TicketStatus.Pending),
            Move(t5, At(9, 6, 30), TicketStatus.New, TicketStatus.Solved),
            Move(t6, At(2, 17), TicketStatus.New, TicketStatus.Open));
        await db.SaveChangesAsync();
        return world;
    }
}
