using DistrictOps.Web.Platform.Email;

namespace DistrictOps.UnitTests.Platform.Email;

public sealed class OutboxDeliveryTests
{
    [Fact]
    public void The_wait_after_a_failure_doubles_and_stops_growing_at_the_maximum()
    {
        var settings = new EmailOptions { RetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(5) };

        var waits = Enumerable.Range(1, 6).Select(failures => OutboxDelivery.Backoff(failures, settings).TotalSeconds);

        Assert.Equal([30d, 60, 120, 240, 300, 300], waits);
    }

    [Fact]
    public void A_queued_message_becomes_a_mime_message_with_both_bodies_from_the_configured_sender()
    {
        var settings = new EmailOptions { From = "helpdesk@bayview.example", FromName = "Bayview Help Desk" };
        var message = new OutboxMessage { To = "maria@bayview.example", Subject = "[BV-000001] Solved: Printer", TextBody = "Solved.", HtmlBody = "<p>Solved.</p>", Kind = "helpdesk.ticket-solved", Id = 42, CreatedAt = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero) };

        var mime = OutboxDelivery.ToMime(message, settings);

        Assert.Equal("\"Bayview Help Desk\" <helpdesk@bayview.example>", mime.From.ToString());
        Assert.Equal("maria@bayview.example", mime.To.ToString());
        Assert.Equal("[BV-000001] Solved: Printer", mime.Subject);
        Assert.Equal("Solved.", mime.TextBody);
        Assert.Equal("<p>Solved.</p>", mime.HtmlBody);
        Assert.Equal("helpdesk.ticket-solved", mime.Headers["X-DistrictOps-Kind"]);
        Assert.Equal("outbox.42.1795824000@bayview.example", mime.MessageId);
    }
}
