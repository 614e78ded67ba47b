using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Ui;

/// <summary>
/// The error page, reached when a page request fails (re-executed with its status) or by <c>/error/{code}</c> for a
/// status the app answers; any other code there is a 404, so the address cannot be used to show made-up errors.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> t, IOptions<HttpOptions> http) : PageModel
{
    private static readonly HashSet<int> Known = [400, 403, 404, 405, 413, 415, 429, 500, 503];

    public string Heading { get; private set; } = "";

    public string Advice { get; private set; } = "";

    public string RequestId => HttpContext.TraceIdentifier;

    public void OnGet([FromRoute] int? code) => Describe(code);

    // From the route only: a re-executed POST may carry a body too large to read.
    public void OnPost([FromRoute] int? code) => Describe(code);

    private void Describe(int? code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (!reExecuted && code is { } asked && !Known.Contains(asked))
        {
            code = StatusCodes.Status404NotFound;
        }

        // After an exception the handler has set the status (400 for bad input, 500 otherwise) and the route has no code.
        var status = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        Response.StatusCode = status;
        (Heading, Advice) = status switch
        {
            404 => (t["Page not found"].Value, t["The address may be mistyped, or the page has moved."].Value),
            403 => (t["Access denied"].Value, t["Your role does not include this page."].Value),
            400 or 405 or 415 => (t["Something in the request was not right"].Value, t["Go back, check the form and try again."].Value),
            413 => (t["The file is too large"].Value, t["At most {0} can be sent at once.", ClientErrors.Megabytes(http.Value.MaxRequestBytes)].Value),
            _ => (t["Something went wrong"].Value, t["The problem was logged. If it keeps happening, give the help desk the reference below."].Value),
        };
    }
}
