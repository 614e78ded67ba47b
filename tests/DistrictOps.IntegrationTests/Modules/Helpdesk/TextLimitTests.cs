using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

/// <summary>
/// Issue 10 item 2: a field's limit is the column's, one constant on the entity; the handler refuses one character more
/// by field (PostgreSQL would otherwise fail the insert, SQLite would store it) and takes the limit itself.
/// </summary>
public sealed class TextLimitTests
{
    [Theory]
    [Providers]
    public async Task Ticket_text_one_character_over_its_column_is_refused_by_field_and_exactly_at_it_is_kept(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var ticket = new { title = "t", description = "d", siteId = world.Elementary, issueTypeId = 3, room = "12", assetTag = "A1" };

        await AssertRefusedAsync(teacher.PostAsJsonAsync("/api/v1/helpdesk/tickets", ticket with { title = new string('t', Ticket.TitleMaxLength + 1) }), "title");
        await AssertRefusedAsync(teacher.PostAsJsonAsync("/api/v1/helpdesk/tickets", ticket with { description = new string('d', Ticket.DescriptionMaxLength + 1) }), "description");
        await AssertRefusedAsync(teacher.PostAsJsonAsync("/api/v1/helpdesk/tickets", ticket with { room = new string('r', Ticket.RoomMaxLength + 1) }), "room");
        await AssertRefusedAsync(teacher.PostAsJsonAsync("/api/v1/helpdesk/tickets", ticket with { assetTag = new string('a', Ticket.AssetTagMaxLength + 1) }), "assetTag");
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, ticket with
        {
            title = new string('t', Ticket.TitleMaxLength),
            description = new string('d', Ticket.DescriptionMaxLength),
            room = new string('r', Ticket.RoomMaxLength),
        });
        var kept = await world.TicketAsync(number);
        Assert.Equal((Ticket.TitleMaxLength, Ticket.DescriptionMaxLength, Ticket.RoomMaxLength), (kept.Title.Length, kept.Description.Length, kept.Room!.Length));

        await AssertRefusedAsync(tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/comments", new { body = new string('b', TicketEvent.BodyMaxLength + 1) }), "body");
        await AssertRefusedAsync(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { title = new string('t', Ticket.TitleMaxLength + 1) }), "title");
        Assert.True((await tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/comments", new { body = new string('b', TicketEvent.BodyMaxLength) })).IsSuccessStatusCode);
        Assert.Equal(TicketEvent.BodyMaxLength, (await world.EventsAsync(number)).Max(e => e.Body?.Length ?? 0));
    }

    private static async Task AssertRefusedAsync(Task<HttpResponseMessage> sending, string field)
    {
        var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), body);
        Assert.Contains("characters", messages[0].GetString(), StringComparison.Ordinal);
    }
}
