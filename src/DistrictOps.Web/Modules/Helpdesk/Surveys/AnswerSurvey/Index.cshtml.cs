using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.Surveys.AnswerSurvey;

/// <summary>
/// The public survey page. GET shows the rating the email link chose, selected, with a comment box and records
/// nothing, because mail scanners follow links; the person's POST records it once.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(AnswerSurveyHandler handler, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Rating { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>The language of the email link the person clicked: remembered, then dropped from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Thanks { get; set; }

    public SurveyView? Survey { get; private set; }

    public SurveyLinkProblem? Problem { get; private set; }

    public SurveyRating? Selected => AnswerSurveyHandler.ParseRating(Rating) ?? Survey?.Rating;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (PlatformHost.SupportedCultures.FirstOrDefault(c => c.Name == Lang) is { } culture)
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return RedirectToPage(new { token, rating = Rating });
        }

        return await LoadAsync(token, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await handler.AnswerAsync(Survey!, Rating, Comment, cancellationToken);
        if (!result.Succeeded)
        {
            return this.Refuse(result.Failure, prefix: "") ?? Page();
        }

        return RedirectToPage(new { token, thanks = result.Value == SurveyAnswerOutcome.Recorded });
    }

    private async Task<IActionResult?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        (Survey, Problem) = await handler.FindAsync(token, cancellationToken);
        if (Problem is null)
        {
            return null;
        }

        var page = Page();
        page.StatusCode = Problem switch
        {
            SurveyLinkProblem.Expired => StatusCodes.Status400BadRequest,
            SurveyLinkProblem.TicketReopened => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status404NotFound,
        };
        return page;
    }
}
