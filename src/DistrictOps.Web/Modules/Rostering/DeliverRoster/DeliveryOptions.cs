using System.ComponentModel.DataAnnotations;

namespace DistrictOps.Web.Modules.Rostering.DeliverRoster;

/// <summary>Settings of roster deliveries (section <c>Rostering:Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Rostering:Delivery";

    /// <summary>Where packages are kept for download, relative to DISTRICTOPS_HOME unless rooted. They hold student data: keep the folder private.</summary>
    [Required]
    public string PackageFolder { get; set; } = "data/rostering-packages";

    /// <summary>How long a package stays downloadable; after that it is deleted (its record stays).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan KeepPackagesFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The waits before each new attempt of a push that failed; after the last, the delivery fails and a help desk ticket is opened.</summary>
    public TimeSpan[] RetryAfter { get; set; } = [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    /// <summary>A delivery still running after this long died with its process (a restart) and is marked failed.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "2.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(6);
}

/// <summary>When a failed push is tried again (pure): after each wait in turn, then never.</summary>
public static class DeliveryRetries
{
    /// <summary>The next attempt after <paramref name="attempts"/> failed ones; null when the delivery has had its last.</summary>
    public static DateTimeOffset? NextAttempt(IReadOnlyList<TimeSpan> waits, int attempts, DateTimeOffset now) =>
        attempts >= 1 && attempts <= waits.Count ? now + waits[attempts - 1] : null;
}
