using System.Globalization;
using System.Net;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Staffing.Sizing;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Staffing;

public sealed class CheckWorkloadTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Eight tickets around November: at the elementary school, Ivan's T1 (solved in 60 school minutes, on target), T2 (300,
    /// breached), T3 (opened in November, solved in December: backlog at the end) and T4 (opened in October, solved in November in
    /// 120 minutes, no target); at the high school Sam's T5 (still open), T6 (opened in December) and T7 (30 minutes, on target),
    /// and T8 unassigned and pending. Surveys: T1 good, T2 bad, T7 good, T4 sent and never answered.
    /// </summary>
    [Theory]
    [Providers]
    public async Task The_help_desk_counts_a_window_per_site_and_technician_with_median_attainment_backlog_and_satisfaction(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var (ivan, sam) = (await CheckCoverageTests.EmployeeAsync(world, "E900"), await CheckCoverageTests.EmployeeAsync(world, "E902"));
        await ArrangeAsync(world);

        await using var scope = world.App.Services.CreateAsyncScope();
        var workload = await scope.ServiceProvider.GetRequiredService<IHelpdeskWorkload>().ForWindowAsync(From, To);
        Assert.Equal(new WorkloadCounts(6, 4, 3, 90, 3, 2, 3, 2), workload.District);
        Assert.Equal(66.7, workload.District.AttainmentPercent);
        Assert.Equal(new WorkloadCounts(3, 3, 1, 120, 2, 1, 2, 1), workload.PerSite[world.Elementary]);
        Assert.Equal(new WorkloadCounts(3, 1, 2, 30, 1, 1, 1, 1), workload.PerSite[world.High]);
        Assert.Equal(new WorkloadCounts(3, 3, 1, 120, 2, 1, 2, 1), workload.PerTechnician[ivan]);
        Assert.Equal(new WorkloadCounts(2, 1, 1, 30, 1, 1, 1, 1), workload.PerTechnician[sam]);
        Assert.Equal(50.0, workload.PerTechnician[ivan].SatisfiedPercent);
        Assert.Equal(WorkloadCounts.None with { Backlog = 3 }, (await scope.ServiceProvider.GetRequiredService<IHelpdeskWorkload>().ForWindowAsync(To.AddYears(1), To.AddYears(1).AddDays(1))).District);

        var snapshot = await scope.ServiceProvider.GetRequiredService<WorkloadFigures>().ForWindowAsync(From, To);
        await using var db = world.Db.OpenContext();
        var enrollment = await db.Set<Site>().ToDictionaryAsync(s => s.Id, s => s.Enrollment);
        var ivanRow = snapshot.Technicians.Single(t => t.PersonId == ivan);
        Assert.Equal((1.5m, 2, (int)Math.Round(enrollment[world.Elementary] + (0.5m * enrollment[world.High]), MidpointRounding.AwayFromZero)), (ivanRow.TotalShare, ivanRow.SitesCovered, ivanRow.Devices));
        Assert.Equal(3.0, ivanRow.TicketsPerMonth);
        Assert.Equal(6.1, snapshot.TicketsPerMonth);
        Assert.Equal(73, snapshot.TicketsPerYear);
        Assert.Equal(1.0m, snapshot.Sites.Single(s => s.SiteId == world.High).CoveredFte);
        Assert.Equal(["Ivan Petrov", "Sam Ruiz"], snapshot.Technicians.Select(t => t.Name));
    }

    [Theory]
    [Providers]
    public async Task The_demo_districts_workload_and_coverage_pages_show_every_site_and_technician_against_the_model(DatabaseProvider provider)
    {
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var app = DemoWorld.Start(db);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var snapshot = await scope.ServiceProvider.GetRequiredService<WorkloadFigures>().ForWindowAsync(DemoWorld.Now.AddDays(-365), DemoWorld.Now);
            Assert.True(snapshot.District.Opened > 0 && snapshot.District.Resolved > 0 && snapshot.Devices > 0, $"{snapshot.District} {snapshot.Devices}");
            Assert.Equal(snapshot.District.Opened, snapshot.Sites.Sum(s => s.Tickets.Opened));
            Assert.Equal(9, snapshot.Technicians.Count);
            Assert.All(snapshot.Technicians, t => Assert.True(t.Devices > 0 && t.Tickets.Opened > 0, $"{t.Name}: {t.Devices} devices, {t.Tickets}"));
        }

        var manager = app.Browser();
        await manager.SignInAsync("it.manager@bayview.example");
        var workload = WebUtility.HtmlDecode(await manager.GetStringAsync("/staffing/workload?days=365&sort=backlog&desc=true"));
        Assert.Contains("Devices per technician against the benchmark", workload);
        Assert.Contains("aria-sort=\"descending\"", workload);
        Assert.Contains("Page 1 of 2", workload);
        Assert.Contains("Page 2 of 2", await manager.GetStringAsync("/staffing/workload?days=365&page=2"));
        var invalid = await manager.GetAsync("/staffing/workload?days=7");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Choose a window of 30, 90 or 365 days; 7 is not one of them.", WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()));

        // The downloads hold every site (not the page's 50), in the page's order, and every technician.
        var sites = Lines(await manager.GetStringAsync("/staffing/workload?handler=Export&days=365&sort=backlog&desc=true&table=sites&format=csv"));
        Assert.StartsWith("Site,Type,Devices,Covered FTE,Model FTE,Devices per FTE,Tickets a month,Opened,Resolved,Backlog,", sites[0], StringComparison.Ordinal);
        var backlogs = sites.Skip(1).Select(l => int.Parse(l.Split(',')[^5], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(backlogs.OrderByDescending(b => b), backlogs);
        var technicians = Lines(await manager.GetStringAsync("/staffing/workload?handler=Export&days=365&table=technicians&format=csv"));
        Assert.Equal(10, technicians.Length);
        var xlsx = await manager.GetAsync("/staffing/workload?handler=Export&days=90&table=sites&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/staffing/workload?handler=Export&days=7&format=csv")).StatusCode);

        var api = await app.ApiClientAsync("it.manager@bayview.example");
        var coverage = JsonDocument.Parse(await api.GetStringAsync("/api/v1/staffing/coverage")).RootElement;
        await using (var context = db.OpenContext())
        {
            Assert.Equal(await context.Set<Site>().CountAsync(s => s.LeftAt == null), coverage.GetProperty("sites").GetArrayLength());
        }

        Assert.Equal(9, coverage.GetProperty("technicians").EnumerateArray().Count(t => t.GetProperty("holdsTier1Position").GetBoolean()));
        Assert.Equal(coverage.GetProperty("sites").EnumerateArray().Count(s => s.GetProperty("gap").GetBoolean()), coverage.GetProperty("gaps").GetArrayLength());
        Assert.Contains("Technician coverage", await manager.GetStringAsync("/staffing/coverage"));
        Assert.Equal(sites.Length - 1, coverage.GetProperty("sites").GetArrayLength());

        // One row per technician's share of a site, and one for each site nobody covers; the gaps alone on request.
        var shares = Lines(await manager.GetStringAsync("/staffing/coverage?handler=Export&format=csv"));
        Assert.Equal("Site,Type,Model FTE,Covered FTE,Coverage,Technician,Share,Days a week", shares[0]);
        Assert.Equal(coverage.GetProperty("sites").EnumerateArray().Sum(s => Math.Max(1, s.GetProperty("technicians").GetArrayLength())), shares.Length - 1);
        var gapRows = Lines(await manager.GetStringAsync("/staffing/coverage?handler=Export&show=gaps&format=csv")).Skip(1).ToList();
        Assert.All(gapRows, row => Assert.Contains(",Gap: ", row, StringComparison.Ordinal));
    }

    /// <summary>A CSV download's rows (the byte order mark and the last line break dropped).</summary>
    private static string[] Lines(string csv) => csv.TrimStart('\uFEFF').TrimEnd('\r', '\n').Split("\r\n");

    private static async Task ArrangeAsync(HelpdeskWorld world)
    {
        var (ivanUser, samUser) = (world.Users[HelpdeskWorld.SiteTech], world.Users[HelpdeskWorld.SecondTech]);
        Ticket Ticket(string title, Guid site, Guid? assignee, DateTimeOffset created, DateTimeOffset? solved, int? minutes, bool target, bool breached, TicketStatus? status = null) => new()
        {
            Title = title, Description = "Arranged.", RequesterName = "Maria Lopez", SiteId = site, IssueTypeId = 3, Priority = 3, AssigneeUserId = assignee,
            Status = status ?? (solved is null ? TicketStatus.Open : TicketStatus.Solved), CreatedAt = created, UpdatedAt = created, StatusChangedAt = created, SolvedAt = solved,
            ResolutionMinutes = minutes, ServiceLevelPolicyId = target ? 1 : null, ResolutionBreached = breached,
        };

        var day = (int month, int d) => new DateTimeOffset(2026, month, d, 17, 0, 0, TimeSpan.Zero);
        var tickets = new[]
        {
            Ticket("T1", world.Elementary, ivanUser, day(11, 2), day(11, 3), 60, target: true, breached: false),
            Ticket("T2", world.Elementary, ivanUser, day(11, 5), day(11, 10), 300, target: true, breached: true),
            Ticket("T3", world.Elementary, ivanUser, day(11, 20), day(12, 3), 900, target: true, breached: false),
            Ticket("T4", world.Elementary, ivanUser, day(10, 20), day(11, 4), 120, target: false, breached: false),
            Ticket("T5", world.High, samUser, day(11, 10), null, null, target: true, breached: false),
            Ticket("T6", world.High, samUser, day(12, 2), null, null, target: true, breached: false),
            Ticket("T7", world.High, samUser, day(11, 15), day(11, 16), 30, target: true, breached: false),
            Ticket("T8", world.High, null, day(11, 25), null, null, target: false, breached: false, TicketStatus.Pending),
        };
        await using var db = world.Db.OpenContext();
        db.AddRange(tickets);
        await db.SaveChangesAsync();
        Survey Survey(Ticket t, SurveyRating? rating) => new()
        {
            TicketId = t.Id, SolvedAt = t.SolvedAt!.Value, SendAfter = t.SolvedAt.Value.AddDays(1), Sampled = true, SentAt = t.SolvedAt.Value.AddDays(1), Rating = rating,
            AnsweredAt = rating is null ? null : t.SolvedAt.Value.AddDays(2), TechnicianUserId = t.AssigneeUserId, SiteId = t.SiteId, IssueTypeId = t.IssueTypeId,
        };
        db.AddRange(Survey(tickets[0], SurveyRating.Good), Survey(tickets[1], SurveyRating.Bad), Survey(tickets[6], SurveyRating.Good), Survey(tickets[3], null));
        await db.SaveChangesAsync();
    }
}
