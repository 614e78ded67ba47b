using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Platform.Demo.SettingUp;

/// <summary>Shown in place of every page while the demo district is seeded; it reloads itself until the app is ready.</summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel(DemoSeedProgress progress) : PageModel
{
    public const int RefreshSeconds = 2;

    public DemoSeedSnapshot Progress { get; private set; } = null!;

    public IActionResult OnGet()
    {
        Progress = progress.Current;
        if (Progress.State == DemoSeedState.Finished)
        {
            return Redirect("/");
        }

        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        if (Progress.State == DemoSeedState.Running)
        {
            Response.Headers.RetryAfter = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page();
    }
}
