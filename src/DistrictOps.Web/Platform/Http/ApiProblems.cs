using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DistrictOps.Web.Platform.Http;

public static class ApiProblems
{
    public static bool IsApiRequest(this HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>Every API error (401, 403, 404, 405, 500, …) leaves as <c>application/problem+json</c>.</summary>
    public static IApplicationBuilder UseApiProblemDetails(this IApplicationBuilder app) =>
        app.UseWhen(IsApiRequest, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });

    /// <summary>Pages show a friendly error page instead.</summary>
    public static IApplicationBuilder UsePageErrors(this IApplicationBuilder app) =>
        app.UseWhen(c => !c.IsApiRequest(), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                StatusCodeSelector = e => ClientErrors.StatusOf(e) ?? StatusCodes.Status500InternalServerError,
            });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });

    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound and checked with the platform's core services; the limits are fixed here, while services are registered.
        var http = configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new HttpOptions();
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = http.MaxRequestBytes);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = http.MaxRequestBytes);
        // Binding failures throw in every environment (not only Development), so each one becomes a 400 naming its field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiClientErrorHandler>();
        return services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            c.ProblemDetails.Extensions["requestId"] = c.HttpContext.TraceIdentifier;
        });
    }
}
