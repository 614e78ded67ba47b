using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

/// <summary>Help desk email through the outbox to a real SMTP server on loopback.</summary>
public sealed class TicketEmailTests
{
    private const string Maria = "maria.lopez@bayview.example";
    private const string SiteTechnician = HelpdeskWorld.SiteTech;
    private const string PublicUrl = "https://ops.bayview.example";
    private const int WirelessTablet = 3;

    [Theory]
    [Providers]
    public async Task Opening_a_ticket_acknowledges_it_to_the_requester_and_tells_the_technician_it_is_assigned_with_links_to_the_ticket(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var world = await HelpdeskWorld.CreateAsync(provider, Sending(smtp.Port));

        var number = await world.OpenAsync(HelpdeskWorld.Teacher, Tablets(world, "Tablet cart won't join wireless"));

        var acknowledgement = await smtp.WaitForAsync(m => Addressee(m) == Maria);
        Assert.Equal($"[{number}] We received your request: Tablet cart won't join wireless", acknowledgement.Subject);
        Assert.Equal(("Bayview Help Desk", "helpdesk@bayview.example"), (acknowledgement.From.Mailboxes.Single().Name, acknowledgement.From.Mailboxes.Single().Address));
        Assert.Contains($"{PublicUrl}/helpdesk/requests/{number}", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PublicUrl}/helpdesk/requests/{number}\"", acknowledgement.HtmlBody, StringComparison.Ordinal);
        var assignment = await smtp.WaitForAsync(m => Addressee(m) == SiteTechnician);
        Assert.Equal($"[{number}] Assigned to you: Tablet cart won't join wireless", assignment.Subject);
        Assert.Contains("Requester: Maria Lopez.", assignment.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PublicUrl}/helpdesk/tickets/{number}\"", assignment.HtmlBody, StringComparison.Ordinal);

        var outbox = await AllSentAsync(world);
        Assert.Equal(["helpdesk.ticket-assigned", "helpdesk.ticket-created"], outbox.Select(m => m.Kind).Order(StringComparer.Ordinal));
        Assert.Equal(2, smtp.Messages.Count);
    }

    [Theory]
    [Providers]
    public async Task A_request_made_in_spanish_is_acknowledged_in_spanish_with_its_title_encoded_while_the_technician_reads_english(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var world = await HelpdeskWorld.CreateAsync(provider, Sending(smtp.Port));
        var client = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es-MX"));

        var response = await client.PostAsJsonAsync("/api/v1/helpdesk/tickets", Tablets(world, "Carrito <sala 12> sin red & sin clase"));
        response.EnsureSuccessStatusCode();
        var number = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("number").GetString()!;

        var acknowledgement = await smtp.WaitForAsync(m => Addressee(m) == Maria);
        Assert.Equal($"[{number}] Recibimos su solicitud: Carrito <sala 12> sin red & sin clase", acknowledgement.Subject);
        Assert.Contains("Hemos recibido su solicitud", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"es\">", acknowledgement.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Carrito &lt;sala 12&gt; sin red &amp; sin clase", acknowledgement.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<sala 12>", acknowledgement.HtmlBody, StringComparison.Ordinal);
        var assignment = await smtp.WaitForAsync(m => Addressee(m) == SiteTechnician);
        Assert.StartsWith($"[{number}] Assigned to you:", assignment.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Replies_go_to_the_other_side_and_the_solved_email_says_how_to_reopen_and_nobody_hears_of_their_own_action(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var world = await HelpdeskWorld.CreateAsync(provider, Sending(smtp.Port));
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, Tablets(world, "Projector flickers"));
        await AllSentAsync(world);

        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var notifier = scope.ServiceProvider.GetRequiredService<TicketNotifier>();
            var id = long.Parse(number[3..], CultureInfo.InvariantCulture);
            var ticket = await db.Set<Ticket>().SingleAsync(t => t.Id == id);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            await notifier.PublicReplyAsync(ticket, number, world.Users[SiteTechnician], "Turn the cart <off> and on & wait.");
            await notifier.PublicReplyAsync(ticket, number, world.Users[HelpdeskWorld.Teacher], "Still broken.");
            await notifier.AssignedAsync(ticket, number, world.Users[SiteTechnician], assignee: null);
            await notifier.SolvedAsync(ticket, number);
            await db.SaveChangesAsync();
        }

        await AllSentAsync(world, expected: 5);
        var toMaria = smtp.Messages.Where(m => Addressee(m) == Maria).ToList();
        var toTechnician = smtp.Messages.Where(m => Addressee(m) == SiteTechnician).ToList();
        Assert.Equal([$"[{number}] New reply: Projector flickers", $"[{number}] Solved: Projector flickers", $"[{number}] We received your request: Projector flickers"], toMaria.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.Equal([$"[{number}] Assigned to you: Projector flickers", $"[{number}] New reply: Projector flickers"], toTechnician.Select(m => m.Subject).Order(StringComparer.Ordinal));

        var staffReply = toMaria.Single(m => (m.Subject ?? "").Contains("New reply", StringComparison.Ordinal));
        Assert.Contains("> Turn the cart <off> and on & wait.", staffReply.TextBody, StringComparison.Ordinal);
        Assert.Contains("Turn the cart &lt;off&gt; and on &amp; wait.", staffReply.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"{PublicUrl}/helpdesk/requests/{number}", staffReply.TextBody, StringComparison.Ordinal);
        var requesterReply = toTechnician.Single(m => (m.Subject ?? "").Contains("New reply", StringComparison.Ordinal));
        Assert.Contains("> Still broken.", requesterReply.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{PublicUrl}/helpdesk/tickets/{number}", requesterReply.TextBody, StringComparison.Ordinal);
        var solved = toMaria.Single(m => (m.Subject ?? "").Contains("Solved", StringComparison.Ordinal));
        Assert.Contains("choose Reopen within 14 days", solved.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task When_the_smtp_server_is_down_the_message_waits_with_its_error_and_is_delivered_once_when_it_comes_back(DatabaseProvider provider)
    {
        var port = SmtpSink.FreePort();
        var settings = Sending(port);
        settings["Email:MaxAttempts"] = "50";
        settings["Email:PollInterval"] = "00:00:00.200";
        await using var world = await HelpdeskWorld.CreateAsync(provider, settings);

        var number = await world.OpenAsync(HelpdeskWorld.Teacher, Tablets(world, "Server down test"));

        var failed = await Eventually.ReturnsAsync(
            () => OutboxAsync(world),
            rows => rows.Count == 2 && rows.All(m => m.Attempts >= 1),
            "both messages to fail once");
        Assert.All(failed, m => Assert.Null(m.SentAt));
        Assert.All(failed, m => Assert.False(string.IsNullOrEmpty(m.LastError)));
        Assert.All(failed, m => Assert.Contains("Connection refused", m.LastError!, StringComparison.Ordinal));

        await using var smtp = await SmtpSink.StartAsync(port);
        var secondNode = ActivatorUtilities.CreateInstance<OutboxDelivery>(world.App.Services);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => secondNode.DeliverDueAsync(CancellationToken.None)));

        var sent = await AllSentAsync(world);
        Assert.All(sent, m => Assert.True(m.Attempts >= 2, $"{m.Kind} attempts {m.Attempts}"));
        Assert.All(sent, m => Assert.Null(m.LastError));
        Assert.Single(smtp.Messages, m => Addressee(m) == Maria && (m.Subject ?? "").Contains(number, StringComparison.Ordinal));
        Assert.Single(smtp.Messages, m => Addressee(m) == SiteTechnician && (m.Subject ?? "").Contains(number, StringComparison.Ordinal));
        Assert.Equal(2, smtp.Messages.Count);
    }

    [Theory]
    [Providers]
    public async Task With_email_off_messages_stay_queued_and_nothing_is_sent(DatabaseProvider provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        var settings = Sending(smtp.Port);
        settings["Email:Enabled"] = "false";
        await using var world = await HelpdeskWorld.CreateAsync(provider, settings);

        await world.OpenAsync(HelpdeskWorld.Teacher, Tablets(world, "Nobody is emailed"));

        var delivery = world.App.Services.GetServices<IHostedService>().OfType<OutboxDelivery>().Single();
        Assert.True(delivery.ExecuteTask?.IsCompletedSuccessfully, "the delivery loop does not run when email is off");
        var queued = await OutboxAsync(world);
        Assert.Equal(2, queued.Count);
        Assert.All(queued, m => Assert.Equal((0, (DateTimeOffset?)null, (string?)null), (m.Attempts, m.SentAt, m.LastError)));
        Assert.Empty(smtp.Messages);
    }

    private static Dictionary<string, string?> Sending(int port) => new()
    {
        ["Email:Enabled"] = "true",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Email:From"] = "helpdesk@bayview.example",
        ["Email:FromName"] = "Bayview Help Desk",
        // Long enough that only the wake-up on commit can deliver within a test's wait; the retry test polls.
        ["Email:PollInterval"] = "00:10:00",
        ["Email:RetryDelay"] = "00:00:00.300",
        ["Email:MaxRetryDelay"] = "00:00:01",
        ["Http:PublicBaseUrl"] = PublicUrl + "/",
    };

    private static object Tablets(HelpdeskWorld world, string title) =>
        new { title, description = "None of the tablets connect.", siteId = world.Elementary, issueTypeId = WirelessTablet };

    private static string Addressee(MimeMessage message) => message.To.Mailboxes.Single().Address;

    private static async Task<List<OutboxMessage>> OutboxAsync(HelpdeskWorld world)
    {
        await using var context = world.Db.OpenContext();
        return await context.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    private static Task<List<OutboxMessage>> AllSentAsync(HelpdeskWorld world, int expected = 2) =>
        Eventually.ReturnsAsync(() => OutboxAsync(world), rows => rows.Count == expected && rows.All(m => m.SentAt is not null), $"{expected} messages to be sent");
}
