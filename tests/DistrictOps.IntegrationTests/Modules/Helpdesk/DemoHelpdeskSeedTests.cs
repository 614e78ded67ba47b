using System.Diagnostics;
using System.Net.Http.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
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

    [Theory]
    [Providers]
    public async Task Every_demo_account_is_the_directory_person_of_its_name_with_that_persons_sites(DatabaseProvider provider)
    {
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var app = DemoWorld.Start(db);
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var users = await context.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!);
        foreach (var account in DemoAccounts.All.Where(a => a.Position is not null))
        {
            var person = await context.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == users[account.Email].PersonId);
            Assert.Equal((account.DisplayName, account.Position), ($"{person.GivenName} {person.FamilyName}", person.PositionTitle));
            Assert.Single(await context.Set<Person>().Where(p => p.GivenName == person.GivenName && p.FamilyName == person.FamilyName && p.Kind != PersonKind.Student && p.Kind != PersonKind.Guardian).ToListAsync());
        }

        var luis = users["site.tech@bayview.example"];
        var coverage = await context.Set<TechnicianCoverage>().Where(c => c.PersonId == luis.PersonId).Select(c => c.SiteId).ToListAsync();
        Assert.Equal(coverage.Order(), (await context.UserSites.Where(s => s.UserId == luis.Id).Select(s => s.SiteId).ToListAsync()).Order());
        var rosa = await context.Set<Person>().SingleAsync(p => p.Id == users["teacher@bayview.example"].PersonId);
        Assert.Contains(rosa.PrimarySiteId!.Value, coverage);

        var ana = await context.Set<Person>().SingleAsync(p => p.Id == users[DemoAccounts.Parent.Email].PersonId);
        Assert.Equal((PersonKind.Guardian, DemoAccounts.Parent.DisplayName), (ana.Kind, ana.DisplayName));
        Assert.NotEmpty(await context.Set<GuardianLink>().Where(l => l.GuardianId == ana.Id).ToListAsync());
    }

    [Theory]
    [Providers]
    public async Task The_demo_help_desk_looks_alive_with_team_leads_unassigned_tickets_and_some_due_soon(DatabaseProvider provider)
    {
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var app = DemoWorld.Start(db);
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var leads = await context.Set<Team>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.LeadUserId);
        var users = await context.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, u => (Guid?)u.Id);
        Assert.Equal(users["helpdesk@bayview.example"], leads[HelpdeskDefaults.HelpDeskTeam]);
        Assert.Equal(users["site.tech@bayview.example"], leads[HelpdeskDefaults.SiteTechnicianTeam]);
        Assert.Equal(users["network@bayview.example"], leads[HelpdeskDefaults.NetworkTeam]);

        var open = await context.Set<Ticket>().AsNoTracking().Where(t => t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed).ToListAsync();
        Assert.Contains(open, t => t.AssigneeUserId is null);
        var soon = DemoWorld.Now.AddMinutes(new HelpdeskOptions().ServiceLevels.BreachingSoonMinutes);
        var dueSoon = open.Where(t => !t.ResponseBreached && !t.ResolutionBreached && t.ServiceLevelPausedSince is null
            && ((t.ResponseDueAt > DemoWorld.Now && t.ResponseDueAt <= soon) || (t.ResolutionDueAt > DemoWorld.Now && t.ResolutionDueAt <= soon))).ToList();
        output.WriteLine($"{open.Count} open, {open.Count(t => t.AssigneeUserId is null)} unassigned, {dueSoon.Count} due within the breaching-soon window");
        Assert.NotEmpty(dueSoon);
    }
}
