using DistrictOps.Web.Platform.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DistrictOps.Web.Platform.Email;

/// <summary>
/// Sends the outbox over SMTP. Each message is claimed before it is sent, by moving its next attempt
/// forward with a conditional UPDATE only one node or loop can win, so two web nodes never send it twice.
/// A failure is recorded on the message (attempts, error, a doubling wait) and retried up to
/// <see cref="EmailOptions.MaxAttempts"/>; recipients and bodies never go to the log.
/// </summary>
public sealed class OutboxDelivery(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<EmailOptions> options,
    ILogger<OutboxDelivery> logger) : BackgroundService
{
    private const int BatchSize = 20;

    /// <summary>How long a claimed message belongs to this loop; if the process dies mid-send, another takes it after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Email is off (Email:Enabled is false): messages stay in the outbox.");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await DeliverDueAsync(stoppingToken) == BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The email outbox could not be read; trying again at the next poll.");
            }

            if (!full)
            {
                try
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Leases each due message to this node; another node that read the same ids wins none of the same.</summary>
    private static async Task<List<long>> ClaimAsync(AppDbContext db, IReadOnlyList<long> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leasedUntil = now + Lease;
        var claimed = new List<long>();
        foreach (var id in due)
        {
            var won = await db.Set<OutboxMessage>()
                .Where(m => m.Id == id && m.SentAt == null && m.NextAttemptAt <= now)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, leasedUntil), cancellationToken);
            if (won == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    /// <summary>Sends what is due now; returns how many messages it claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < settings.MaxAttempts)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var claimed = await ClaimAsync(db, due, now, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var messages = await db.Set<OutboxMessage>().AsNoTracking().Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        using var client = new SmtpClient { Timeout = 60_000 };
        try
        {
            await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.UseTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
            }
        }
        catch (Exception e) when (IsDeliveryFailure(e))
        {
            foreach (var message in messages)
            {
                await FailedAsync(db, message, e);
            }

            return claimed.Count;
        }

        foreach (var message in messages)
        {
            try
            {
                await client.SendAsync(ToMime(message, settings), cancellationToken);
            }
            catch (Exception e) when (IsDeliveryFailure(e))
            {
                await FailedAsync(db, message, e);
                if (!client.IsConnected)
                {
                    foreach (var unsent in messages.SkipWhile(m => m.Id != message.Id).Skip(1))
                    {
                        await FailedAsync(db, unsent, e);
                    }

                    break;
                }

                continue;
            }

            var sentAt = clock.GetUtcNow();
            await db.Set<OutboxMessage>().Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.SentAt, sentAt).SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.LastError, (string?)null), CancellationToken.None);
            logger.LogInformation("Sent email {MessageId} ({Kind}).", message.Id, message.Kind);
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
            catch (Exception e) when (IsDeliveryFailure(e))
            {
                // Everything is sent and recorded; a server that hangs up rudely changes nothing.
            }
        }

        return claimed.Count;
    }

    public static TimeSpan Backoff(int failures, EmailOptions settings)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(settings.RetryDelay.Ticks * factor, settings.MaxRetryDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    internal static MimeMessage ToMime(OutboxMessage message, EmailOptions settings)
    {
        var domain = settings.From.Contains('@', StringComparison.Ordinal) ? settings.From[(settings.From.LastIndexOf('@') + 1)..] : "localhost";
        // One id per outbox row, so a receiving server can recognise a message sent again after a lost acknowledgement.
        var mime = new MimeMessage { Subject = message.Subject, MessageId = $"outbox.{message.Id}.{message.CreatedAt.ToUnixTimeSeconds()}@{domain}" };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Headers.Add("X-DistrictOps-Kind", message.Kind);
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    private async Task FailedAsync(AppDbContext db, OutboxMessage message, Exception error)
    {
        var failures = message.Attempts + 1;
        var next = clock.GetUtcNow() + Backoff(failures, options.Value);
        var reason = Describe(error);
        await db.Set<OutboxMessage>().Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.LastError, reason).SetProperty(x => x.NextAttemptAt, next), CancellationToken.None);
        logger.LogWarning("Email {MessageId} ({Kind}) failed, attempt {Attempt} of {MaxAttempts}: {Error}", message.Id, message.Kind, failures, options.Value.MaxAttempts, error.GetType().Name);
    }

    /// <summary>The error as stored on the message: its type and message (MailKit's say what the server answered, never the password).</summary>
    private static string Describe(Exception error)
    {
        var text = $"{error.GetType().Name}: {error.Message}";
        return text.Length <= 1_000 ? text : text[..1_000];
    }

    /// <summary>Anything but shutting down is this message's failure, recorded on it, so one bad message or server cannot stop the loop.</summary>
    private static bool IsDeliveryFailure(Exception e) => e is not OperationCanceledException;
}
