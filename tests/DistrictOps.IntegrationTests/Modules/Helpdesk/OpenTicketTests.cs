using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class OpenTicketTests
{
    private const int WirelessTablet = 3;
    private const int Password = 11;
    private const int WirelessSecurity = 22;

    [Theory]
    [Providers]
    public async Task A_teachers_tablet_ticket_goes_to_the_technician_covering_her_school_and_every_rule_is_stamped(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);

        var number = await world.OpenAsync(HelpdeskWorld.Teacher, new
        {
            title = "Tablet cart won't join wireless",
            description = "None of the 30 tablets in room 12 connect since this morning.",
            siteId = world.Elementary,
            issueTypeId = WirelessTablet,
            impact = "Class",
            urgency = "High",
            room = "12",
            instructionDisrupted = true,
        });

        Assert.Matches(@"^BV-\d{6}$", number);
        var ticket = await world.TicketAsync(number);
        Assert.Equal(
            (TicketStatus.New, HelpdeskDefaults.SiteTechnicianTeam, world.Users[HelpdeskWorld.SiteTech], "Luis Ortega", 2, TicketChannel.Web),
            (ticket.Status, ticket.TeamId, ticket.AssigneeUserId, ticket.AssigneeName, ticket.Priority, ticket.Channel));
        Assert.Equal(("Maria Lopez", "maria.lopez@bayview.example", "teacher", world.Users[HelpdeskWorld.Teacher]), (ticket.RequesterName, ticket.RequesterEmail, ticket.RequesterRole, ticket.RequesterUserId));
        var events = await world.EventsAsync(number);
        Assert.Equal(
            [TicketEventKind.Created, TicketEventKind.RuleApplied, TicketEventKind.RuleApplied, TicketEventKind.Assigned],
            events.Select(e => e.Kind));
        Assert.Contains("Everything starts at the help desk", events[1].Body, StringComparison.Ordinal);
        Assert.Contains("go to its technician", events[2].Body, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Opening_a_ticket_saves_twice_in_its_transaction_without_a_savepoint_around_either_save(DatabaseProvider provider)
    {
        var transactions = new TransactionWatch();
        await using var world = await HelpdeskWorld.CreateAsync(provider, services: s => s.AddSingleton<IInterceptor>(transactions));

        var number = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());

        // Both saves landed (the ticket, then its timeline), and neither was wrapped in a savepoint (ADR 0044).
        Assert.Equal(4, (await world.EventsAsync(number)).Count);
        Assert.True(transactions.Committed >= 1, "the interceptor saw no transaction commit, so it watched nothing");
        Assert.Equal(0, transactions.Savepoints);
    }

    [Theory]
    [Providers]
    public async Task Device_tickets_at_a_shared_school_alternate_between_its_technicians(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var assignees = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var number = await world.OpenAsync(HelpdeskWorld.HelpDesk, new { title = $"Broken screen {i}", description = "Cracked.", siteId = world.High, issueTypeId = 5 });
            assignees.Add((await world.TicketAsync(number)).AssigneeName);
        }

        Assert.Equal(["Luis Ortega", "Sam Ruiz", "Luis Ortega"], assignees);
    }

    [Theory]
    [Providers]
    public async Task Accounts_go_to_systems_network_to_network_and_a_device_at_the_district_office_stays_with_the_help_desk(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);

        var password = await world.TicketAsync(await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Locked out", description = "Password expired.", siteId = world.Elementary, issueTypeId = Password }));
        var wireless = await world.TicketAsync(await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Security error", description = "Wireless says security error.", siteId = world.High, issueTypeId = WirelessSecurity }));
        var office = await world.TicketAsync(await world.OpenAsync(HelpdeskWorld.HelpDesk, new { title = "Laptop slow", description = "Slow.", siteId = world.District, issueTypeId = 7 }));

        Assert.Equal((HelpdeskDefaults.SystemsTeam, (Guid?)null), (password.TeamId, password.AssigneeUserId));
        Assert.Equal((HelpdeskDefaults.NetworkTeam, (Guid?)null), (wireless.TeamId, wireless.AssigneeUserId));
        Assert.Equal((HelpdeskDefaults.HelpDeskTeam, (Guid?)null), (office.TeamId, office.AssigneeUserId));
    }

    [Theory]
    [Providers]
    public async Task Invalid_requests_name_each_field_and_create_nothing(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var client = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);

        var response = await client.PostAsJsonAsync("/api/v1/helpdesk/tickets", new { title = " ", description = "", siteId = Guid.NewGuid(), issueTypeId = 999, channel = "Phone" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(
            ["channel", "description", "issueTypeId", "siteId", "title"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        await using var context = world.Db.OpenContext();
        Assert.Equal(0, await context.Set<Ticket>().CountAsync());
    }

    [Theory]
    [Providers]
    public async Task The_help_desk_enters_a_phone_call_for_a_caller_and_the_caller_sees_it_without_internal_events(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await using var context = world.Db.OpenContext();
        var maria = await context.Users.Where(u => u.Email == HelpdeskWorld.Teacher).Select(u => u.PersonId).SingleAsync();

        var number = await world.OpenAsync(HelpdeskWorld.HelpDesk, new { title = "Projector dead", description = "No picture.", siteId = world.Elementary, issueTypeId = 51, channel = "Phone", requesterPersonId = maria });

        var ticket = await world.TicketAsync(number);
        Assert.Equal(("Maria Lopez", maria, (Guid?)null, "Priya Natarajan"), (ticket.RequesterName, ticket.RequesterPersonId, ticket.RequesterUserId, ticket.SubmittedByName));
        var asRequester = await (await world.App.ApiClientAsync(HelpdeskWorld.Teacher)).GetFromJsonAsync<JsonElement>($"/api/v1/helpdesk/tickets/{number}");
        Assert.Equal(["Created"], asRequester.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.False(asRequester.GetProperty("canWork").GetBoolean());
        var asTechnician = await (await world.App.ApiClientAsync(HelpdeskWorld.SiteTech)).GetFromJsonAsync<JsonElement>($"/api/v1/helpdesk/tickets/{number.ToLowerInvariant()}");
        Assert.True(asTechnician.GetProperty("timeline").GetArrayLength() > 1);
        var otherTechnician = await world.App.ApiClientAsync(HelpdeskWorld.Network);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTechnician.GetAsync($"/api/v1/helpdesk/tickets/{number}")).StatusCode);
    }

    [Theory]
    [Providers]
    public async Task Site_staff_see_their_sites_tickets_only_when_the_district_allows_it(DatabaseProvider provider)
    {
        foreach (var allowed in new[] { false, true })
        {
            await using var world = await HelpdeskWorld.CreateAsync(provider, new Dictionary<string, string?> { ["Helpdesk:SiteStaffSeeSiteTickets"] = allowed.ToString() });
            var number = await world.OpenAsync(HelpdeskWorld.HelpDesk, new { title = "Sub can't log in", description = "Substitute in room 9.", siteId = world.Elementary, issueTypeId = 11, channel = "WalkIn", requesterName = "Pat Substitute" });
            var elsewhere = await world.OpenAsync(HelpdeskWorld.HelpDesk, new { title = "Printer", description = "Jam.", siteId = world.High, issueTypeId = 40, channel = "Phone", requesterName = "Lee Clerk" });

            var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);

            Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/helpdesk/tickets/{number}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/helpdesk/tickets/{elsewhere}")).StatusCode);
        }
    }

    [Theory]
    [Providers]
    public async Task Tickets_opened_at_once_while_another_write_holds_the_database_all_persist_and_take_turns(DatabaseProvider provider)
    {
        // A one-second command timeout on SQLite: a writer that found the database locked used to retry for that long and
        // fail with "database is locked"; now it queues behind the write in progress (ADR 0018) for as long as that takes.
        await using var world = await HelpdeskWorld.CreateAsync(provider, db => provider == DatabaseProvider.Sqlite
            ? new Dictionary<string, string?> { ["ConnectionStrings:DistrictOps"] = db.ConnectionString + ";Default Timeout=1" }
            : null);
        var client = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/helpdesk/queues")).StatusCode);

        HttpResponseMessage[] responses;
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var longWrite = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("""UPDATE helpdesk_teams SET "Name" = "Name" """);
            var opening = Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
                client.PostAsJsonAsync("/api/v1/helpdesk/tickets", new { title = $"Projector {i} has no picture", description = "Blank.", siteId = world.High, issueTypeId = 5 })));
            await Task.Delay(TimeSpan.FromSeconds(2));
            await longWrite.CommitAsync();
            responses = await opening;
        }

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses.Zip(bodies), r => Assert.True(r.First.StatusCode == HttpStatusCode.Created, r.Second));
        var numbers = bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("number").GetString()).ToHashSet();
        Assert.Equal(8, numbers.Count);
        await using var check = world.Db.OpenContext();
        var opened = await check.Set<Ticket>().Where(t => t.Title.StartsWith("Projector ") && t.Description == "Blank.").ToListAsync();
        Assert.Equal(8, opened.Count);
        // The high school's two technicians take turns, whatever order the eight arrived in: no two read the same turn.
        Assert.Equal(["Luis Ortega: 4", "Sam Ruiz: 4"], opened.GroupBy(t => t.AssigneeName).Select(g => $"{g.Key}: {g.Count()}").Order(StringComparer.Ordinal));
    }
}

/// <summary>Counts the savepoints EF sets and the transactions it commits, on every context of the app.</summary>
internal sealed class TransactionWatch : DbTransactionInterceptor
{
    private int savepoints;
    private int committed;

    public int Savepoints => Volatile.Read(ref savepoints);

    public int Committed => Volatile.Read(ref committed);

    public override InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Interlocked.Increment(ref savepoints);
        return result;
    }

    public override ValueTask<InterceptionResult> CreatingSavepointAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref savepoints);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref committed);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref committed);
        return Task.CompletedTask;
    }
}
