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
            pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });

    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            c.ProblemDetails.Extensions["requestId"] = c.HttpContext.TraceIdentifier;
        });
}
