using System.ComponentModel.DataAnnotations;

namespace DistrictOps.Web.Platform.Email;

/// <summary>The <c>Email</c> configuration section: the SMTP relay and how the outbox retries.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    /// <summary>Off by default: messages are queued in the outbox and nothing is sent until an operator turns this on.</summary>
    public bool Enabled { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    [Required, EmailAddress]
    public string From { get; set; } = "districtops@localhost";

    public string FromName { get; set; } = "DistrictOps";

    /// <summary>After this many failed attempts a message stays in the outbox with its last error and is not retried.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.001", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the outbox is checked when nothing signals new mail (other nodes, retries).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < RetryDelay)
        {
            yield return new ValidationResult($"{nameof(MaxRetryDelay)} must not be shorter than {nameof(RetryDelay)}.");
        }
    }
}

public sealed class SmtpOptions
{
    [Required]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>Upgrade with STARTTLS when the server offers it; false sends in the clear (a relay on the same host).</summary>
    public bool UseTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
