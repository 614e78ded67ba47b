using System.Diagnostics;
using System.Net.Http.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class DemoHelpdeskSeedTests(ITestOutputHelper output)
{
    [Theory]
    [Providers]
    public async Task The_demo_district_gets_linked_technicians_and_a_school_year_of_tickets_and_the_next_ticket_follows_on(DatabaseProvider provider)
    {
        var started = Stopwatch.StartNew();
        await using var db = await DemoWorld.CopyAsync(provider);
        output.WriteLine($"The 600-student demo district and its help desk history (seeded once per test run, then copied): {started.Elapsed.TotalSeconds:F1} s");
        await using var app = DemoWorld.Start(db);
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var tickets = await context.Set<Ticket>().AsNoTracking().ToListAsync();
        var open = tickets.Count(t => t.Status is not (TicketStatus.Solved or TicketStatus.Closed));
        output.WriteLine($"{tickets.Count} tickets, {open} open or pending, {await context.Set<TicketEvent>().CountAsync()} events");
        Assert.InRange(open, 250, 350);
        Assert.InRange(tickets.Count(t => t.Channel == TicketChannel.Web) / (double)tickets.Count, 0.77, 0.83);
        Assert.Equal(tickets.Count, tickets.Max(t => t.Id));

        var users = await context.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!);
        var people = await context.Set<Person>().AsNoTracking().Where(p => p.Kind != PersonKind.Student && p.Kind != PersonKind.Guardian).ToDictionaryAsync(p => p.Id);
        var siteTech = users["site.tech@bayview.example"];
        Assert.Equal("Desktop Technician", people[siteTech.PersonId!.Value].PositionTitle);
        Assert.Equal("Help Desk Technician", people[users["helpdesk@bayview.example"].PersonId!.Value].PositionTitle);
        var teacher = people[users["teacher@bayview.example"].PersonId!.Value];
        Assert.Equal(PersonKind.Teacher, teacher.Kind);
        var covered = await context.Set<TechnicianCoverage>().Where(c => c.PersonId == siteTech.PersonId).Select(c => c.SiteId).ToListAsync();
        Assert.Contains(teacher.PrimarySiteId!.Value, covered);
        Assert.Equal(covered.Order(), (await context.UserSites.Where(s => s.UserId == siteTech.Id).Select(s => s.SiteId).ToListAsync()).Order());
        Assert.Equal([teacher.PrimarySiteId.Value], await context.UserSites.Where(s => s.UserId == users["teacher@bayview.example"].Id).Select(s => s.SiteId).ToListAsync());

        var desktopTechnicians = people.Values.Count(p => p.PositionTitle == "Desktop Technician" && p.LeftAt == null);
        var siteTeam = await context.Set<TeamMember>().Where(m => m.TeamId == HelpdeskDefaults.SiteTechnicianTeam).Select(m => m.UserId).ToListAsync();
        Assert.Equal(desktopTechnicians, siteTeam.Count);
        Assert.Equal(desktopTechnicians, users.Values.Count(u => u.PersonId is { } p && people.TryGetValue(p, out var person) && person.PositionTitle == "Desktop Technician"));
        Assert.Contains(tickets, t => t.AssigneeUserId == siteTech.Id);
        Assert.Contains(tickets, t => t.RequesterPersonId == teacher.Id);

        var api = await app.ApiClientAsync("teacher@bayview.example");
        var response = await api.PostAsJsonAsync("/api/v1/helpdesk/tickets", new { title = "After the demo", description = "A new one.", siteId = teacher.PrimarySiteId, issueTypeId = 9 });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Contains($"\"number\":\"BV-{tickets.Count + 1:D6}\"", body, StringComparison.Ordinal);
    }
}
