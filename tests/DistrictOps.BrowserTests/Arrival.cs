using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

internal static class Arrival
{
    /// <summary>
    /// Waits until a navigation reaches a matching address and that document has finished loading.
    /// In one CI run Playwright's wait for the "load" event after a sign-in post and redirect saw only
    /// "networkidle" and waited out its whole timeout, so this waits for the commit and then polls the
    /// document's own ready state, which cannot be missed.
    /// </summary>
    public static async Task WaitForArrivalAsync(this IPage page, Func<string, bool> url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }
}
