using System.Diagnostics;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

internal static class Arrival
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Waits until the page is at a matching address and the layout's footer, the last element of every page, has
    /// been parsed. Playwright's own wait (WaitForURL, also with WaitUntil=Commit when the address already matched)
    /// waits for its record of the "load" event, which after a sign-in post and redirect saw only "networkidle" and
    /// timed out in some CI runs; a polled function or an evaluation never runs in a context without JavaScript,
    /// while locators do.
    /// </summary>
    public static async Task WaitForArrivalAsync(this IPage page, Func<string, bool> url)
    {
        var waited = Stopwatch.StartNew();
        while (!url(page.Url))
        {
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"After {Patience.TotalSeconds:0} s the page is still at {page.Url}.");
            }

            await Task.Delay(50);
        }

        await page.Locator("footer.site-footer").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = (float)Patience.TotalMilliseconds });
    }
}
