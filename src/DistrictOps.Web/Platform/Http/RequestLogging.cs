using System.Diagnostics;

namespace DistrictOps.Web.Platform.Http;

/// <summary>
/// One structured line per request with its request id and route template — never the raw path or
/// query string, which can carry student names or ids. ASP.NET Core's own request logging is turned
/// off in configuration for the same reason.
/// </summary>
internal sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using var activity = TraceScope.StartIfNone("DistrictOps.Request");
        using (logger.BeginScope("Request {RequestId} trace {TraceId}", context.TraceIdentifier, Activity.Current?.TraceId.ToString()))
        {
            var started = time.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } pattern
                    ? "/" + pattern.TrimStart('/')
                    : "(no route)";
                logger.LogInformation(
                    "HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms",
                    context.Request.Method, route, context.Response.StatusCode, time.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }
}
