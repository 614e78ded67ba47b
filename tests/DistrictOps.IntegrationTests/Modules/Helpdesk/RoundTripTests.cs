using System.Net.Http.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

/// <summary>
/// An agent's everyday writes cost few round trips to the database, counted over the whole HTTP request: sign-in by token,
/// the viewer, routing, service levels, notifications and audit. Issue 14 asks for at most 8 on PostgreSQL. The budgets are
/// what the requests cost now, so one more statement fails (before ADR 0020: create 36 / 28, reply 22 / 18, status change
/// 21 / 17 on SQLite / PostgreSQL; before ADR 0022: 27 / 19, 19 / 15, 18 / 14; before ADR 0027 a create was 17 / 9). The
/// principal, the viewer and the site's technicians come from memory (ADR 0022, 0027); one statement per request still reads
/// the token and its account's stamps, so a revocation made anywhere (the CLI) stops the token at once. SQLite is above 8
/// only for its writes: EF's SQLite provider sends each inserted or updated row as its own command where PostgreSQL batches
/// a save into one, and a create writes 9 rows (2 notifications, 4 timeline events, the ticket, routed before it is written
/// once, 2 emails) beside the site technician's turn, a reply 5 and a status change 5; these are in-process calls, not
/// network round trips.
/// </summary>
public sealed class RoundTripTests
{
    private static readonly Dictionary<DatabaseProvider, (int Create, int Reply, int Status)> Budgets = new()
    {
        [DatabaseProvider.Sqlite] = (12, 10, 9),
        [DatabaseProvider.Postgres] = (5, 6, 5),
    };

    [Theory]
    [Providers]
    public async Task Creating_replying_to_and_solving_a_routed_ticket_stay_within_their_statement_budgets(DatabaseProvider provider)
    {
        // The app's own counter (as the load bench reads it): each response says how many commands its request ran.
        await using var world = await HelpdeskWorld.CreateAsync(provider, new Dictionary<string, string?> { [StatementCounting.Setting] = "true" });
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        // The first request of each kind warms what the app caches (settings, lookups); an agent's requests are the later ones.
        var first = (await Ok(teacher.PostAsJsonAsync("/api/v1/helpdesk/tickets", world.Tablet()))).Body.GetProperty("number").GetString();
        await Ok(tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{first}/comments", new { body = "Looking at it." }));
        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{first}", new { status = "Pending" }));

        var (created, create) = await Ok(teacher.PostAsJsonAsync("/api/v1/helpdesk/tickets", world.Tablet()));
        var number = created.GetProperty("number").GetString();
        var (_, reply) = await Ok(tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/comments", new { body = "Which room is the cart in?" }));
        var (_, solve) = await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { status = "Solved" }));

        var budget = Budgets[provider];
        Assert.True(
            create <= budget.Create && reply <= budget.Reply && solve <= budget.Status,
            $"create {create}, reply {reply}, status change {solve} statements (budgets {budget}); log the SQL with Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information to see them");
    }

    /// <summary>The response's body and the number of database commands its request ran.</summary>
    private static async Task<(System.Text.Json.JsonElement Body, int Commands)> Ok(Task<HttpResponseMessage> request)
    {
        var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var commands = int.Parse(response.Headers.GetValues(StatementCounting.CommandsHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);
        return (System.Text.Json.JsonDocument.Parse(body).RootElement, commands);
    }
}
