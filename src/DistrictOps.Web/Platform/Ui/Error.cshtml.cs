using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Platform.Ui;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Heading { get; private set; } = "";

    public string Advice { get; private set; } = "";

    public string RequestId => HttpContext.TraceIdentifier;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        Response.StatusCode = code ?? StatusCodes.Status500InternalServerError;
        (Heading, Advice) = code switch
        {
            404 => (t["Page not found"].Value, t["The address may be mistyped, or the page has moved."].Value),
            403 => (t["Access denied"].Value, t["Your role does not include this page."].Value),
            400 => (t["Something in the request was not right"].Value, t["Go back, check the form and try again."].Value),
            _ => (t["Something went wrong"].Value, t["The problem was logged. If it keeps happening, give the help desk the reference below."].Value),
        };
    }
}
