using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Demo;

/// <summary>
/// Outside demo mode the demo accounts, whose password is published on the sign-in page and in the README, may not
/// sign in by any means: password, district sign-on, an existing cookie or an API token (ADR 0015).
/// </summary>
public sealed class DemoAccountGate(IOptions<DemoOptions> options, ILogger<DemoAccountGate> logger)
{
    private static readonly HashSet<string> NormalizedEmails =
        DemoAccounts.All.Select(a => a.Email.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

    public bool Refuses(string? normalizedEmail) =>
        !options.Value.Seed && normalizedEmail is not null && NormalizedEmails.Contains(normalizedEmail);

    /// <summary>At start outside demo mode: says, by count only, how many demo accounts are present and refused.</summary>
    public async Task ReportAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (options.Value.Seed)
        {
            return;
        }

        var present = await db.Users.CountAsync(u => u.NormalizedEmail != null && NormalizedEmails.Contains(u.NormalizedEmail), cancellationToken);
        if (present > 0)
        {
            logger.LogWarning("Demo mode is off (Demo:Seed=false): {Count} demo accounts are present and refused sign-in and API tokens", present);
        }
    }
}
