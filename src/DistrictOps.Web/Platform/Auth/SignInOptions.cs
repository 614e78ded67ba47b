using System.ComponentModel.DataAnnotations;

namespace DistrictOps.Web.Platform.Auth;

/// <summary>The <c>Authentication:SignIn</c> section: how many password sign-ins are let through, per account and per client address.</summary>
public sealed class SignInOptions
{
    public const string Section = "Authentication:SignIn";

    /// <summary>Attempts for one email address (known or not) per window, from any address.</summary>
    [Range(1, 100_000)]
    public int PerAccountLimit { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PerAccountWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Attempts from one client address per window. A school's staff often share one address, so this is generous.</summary>
    [Range(1, 100_000)]
    public int PerAddressLimit { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PerAddressWindow { get; set; } = TimeSpan.FromMinutes(5);
}
