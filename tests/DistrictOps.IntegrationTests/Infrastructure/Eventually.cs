using System.Diagnostics;

namespace DistrictOps.IntegrationTests.Infrastructure;

/// <summary>Waits for something a background loop does, checking often, failing after a timeout rather than sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(20)))
            {
                throw new TimeoutException($"Timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(50);
        }
    }
}
