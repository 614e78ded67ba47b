using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Auth;

/// <summary>
/// Counts password sign-in attempts per client address and per email address, whether the email belongs to an account or
/// not, so the answer does not tell which emails exist. The limiters are the ones ASP.NET Core's rate-limiting middleware
/// uses, called from the sign-in page because the account key is in the posted form and the refusal is shown on the page.
/// Counts are per process: behind several web nodes an attacker gets each node's allowance.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perAccount;

    public SignInThrottle(IOptions<SignInOptions> options)
    {
        var o = options.Value;
        _perAddress = FixedWindow(o.PerAddressLimit, o.PerAddressWindow);
        _perAccount = FixedWindow(o.PerAccountLimit, o.PerAccountWindow);
    }

    /// <summary>Takes one attempt; null when it may go ahead, else how long the caller should wait.</summary>
    public TimeSpan? TryAttempt(string? clientAddress, string normalizedEmail)
    {
        using var address = _perAddress.AttemptAcquire(clientAddress ?? "unknown");
        if (!address.IsAcquired)
        {
            return RetryAfter(address);
        }

        using var account = _perAccount.AttemptAcquire(normalizedEmail);
        return account.IsAcquired ? null : RetryAfter(account);
    }

    public void Dispose()
    {
        _perAddress.Dispose();
        _perAccount.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);

    private static PartitionedRateLimiter<string> FixedWindow(int limit, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            QueueLimit = 0,
        }));
}
