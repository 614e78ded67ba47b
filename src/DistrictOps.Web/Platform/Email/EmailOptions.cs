namespace DistrictOps.Web.Platform.Email;

/// <summary>The <c>Email</c> configuration section: the SMTP relay and how the outbox retries.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Off by default: messages are queued in the outbox and nothing is sent until an operator turns this on.</summary>
    public bool Enabled { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public string From { get; set; } = "districtops@localhost";

    public string FromName { get; set; } = "DistrictOps";

    /// <summary>After this many failed attempts a message stays in the outbox with its last error and is not retried.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the outbox is checked when nothing signals new mail (other nodes, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>Upgrade with STARTTLS when the server offers it; false sends in the clear (a relay on the same host).</summary>
    public bool UseTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
