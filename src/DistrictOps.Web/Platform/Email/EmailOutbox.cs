using DistrictOps.Web.Platform.Data;

namespace DistrictOps.Web.Platform.Email;

/// <summary>An email to send: one recipient, a plain-text body and optionally an HTML one.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody, string Kind);

/// <summary>
/// Queues email in the caller's unit of work: the message is saved with the change it reports and
/// sent by <see cref="OutboxDelivery"/> after the transaction commits, or never if it rolls back.
/// </summary>
public sealed class EmailOutbox(AppDbContext db, TimeProvider clock)
{
    public void Enqueue(EmailMessage message)
    {
        var now = clock.GetUtcNow();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            To = message.To.Trim(),
            Subject = OneLine(message.Subject, 300),
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            Kind = message.Kind,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    private static string OneLine(string text, int max)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= max ? line : string.Concat(line.AsSpan(0, max - 1), "…");
    }
}
