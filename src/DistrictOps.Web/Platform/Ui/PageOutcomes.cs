using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Platform.Ui;

/// <summary>
/// The one mapping from a handler's refusal to a page: NotFound answers 404 (the error page explains) and
/// Forbidden goes to the access-denied page, as a refused policy does; Invalid puts each field's messages on the page's input model and Conflict puts its
/// message above the form (a validation summary), and the page shows itself again.
/// </summary>
public static class PageOutcomes
{
    /// <summary>
    /// The answer for a refusal that ends the request (not found, forbidden), or null after the messages
    /// were put in ModelState for the page to show: <c>return this.Refuse(result.Failure) ?? Page();</c>.
    /// </summary>
    public static IActionResult? Refuse(this PageModel page, Failure failure, string prefix = "Input.")
    {
        switch (failure.Kind)
        {
            case OutcomeKind.NotFound:
                return page.NotFound();
            case OutcomeKind.Forbidden:
                return page.Forbid();
            case OutcomeKind.Invalid:
                page.ModelState.AddHandlerErrors(failure.Errors, prefix);
                return null;
            default:
                page.ModelState.AddModelError(string.Empty, failure.Message);
                return null;
        }
    }

    /// <summary>
    /// As <see cref="Refuse"/>, except that an action refused on a page the person may open (granting a role they do not
    /// hold) is explained above the form with 403, instead of sending them to the access-denied page that cannot say why.
    /// </summary>
    public static IActionResult? RefuseOnPage(this PageModel page, Failure failure, string prefix = "Input.")
    {
        if (failure.Kind != OutcomeKind.Forbidden)
        {
            return page.Refuse(failure, prefix);
        }

        page.ModelState.AddModelError(string.Empty, failure.Message);
        page.Response.StatusCode = StatusCodes.Status403Forbidden;
        return null;
    }

    /// <summary>
    /// For a page that reads its query string: the value read, or null after its problems were put in
    /// ModelState by parameter name, for the page's validation summary.
    /// </summary>
    public static T? ValueOrErrors<T>(this PageModel page, Result<T> read)
        where T : class
    {
        if (read.Succeeded)
        {
            return read.Value;
        }

        page.Refuse(read.Failure, prefix: "");
        return null;
    }

    /// <summary>Every message ModelState holds for one field (or the page, with an empty key).</summary>
    public static IEnumerable<string> ErrorsFor(this PageModel page, string key) =>
        page.ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}
