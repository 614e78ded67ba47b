using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DistrictOps.Web.Platform.Ui;

/// <summary>
/// A request for a page handler the page does not have (<c>?handler=nope</c>, or a POST to a page without one) is
/// answered 404 or 405 instead of rendering the page with nothing loaded, which used to fail as a 500.
/// </summary>
internal sealed class UnknownHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var http = context.HttpContext;
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            return;
        }

        // Razor Pages falls back to the unnamed handler when the named one does not exist.
        var named = context.RouteData.Values.TryGetValue("handler", out var routed) ? routed?.ToString() : http.Request.Query["handler"].ToString();
        if (!string.IsNullOrEmpty(named) && !string.Equals(context.HandlerMethod?.Name, named, StringComparison.OrdinalIgnoreCase))
        {
            context.Result = new NotFoundResult();
        }
        else if (context.HandlerMethod is null && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
