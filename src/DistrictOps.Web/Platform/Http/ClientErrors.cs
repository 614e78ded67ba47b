using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Http;

/// <summary>
/// Bad input is the client's error in every environment: a body that is not JSON or has a value of the wrong type,
/// a route or query value that does not bind, a body over <see cref="HttpOptions.MaxRequestBytes"/>. The API answers
/// a 4xx ProblemDetails naming the field in <c>errors</c>; pages show the error page with the 4xx status.
/// </summary>
public static partial class ClientErrors
{
    /// <summary>The client-error status for an exception that bad input causes, or null for a server fault.</summary>
    public static int? StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        // Razor Pages' form reading wraps a malformed multipart body; minimal APIs report it as a BadHttpRequestException.
        Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderException or InvalidDataException => StatusCodes.Status400BadRequest,
        _ => null,
    };

    /// <summary>
    /// The problem by field: a JSON error under its path (<c>$.roles[0]</c> is <c>roles</c>), a binding failure under its parameter.
    /// ASP.NET Core names the parameter only in its message ("Failed to bind parameter \"Guid id\" from \"x\"."), so it is read
    /// from there; what cannot be placed goes under <c>request</c>.
    /// </summary>
    public static Dictionary<string, string[]> FieldsOf(Exception exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = Field(json.Path);
            var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
            var message = field == "body"
                ? $"body: the request body is not valid JSON{where}."
                : $"{field}: not valid JSON here, or a value of the wrong type or an unknown name{where}.";
            return new() { [field] = [message] };
        }

        if (BindFailure().Match(exception.Message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            var value = bind.Groups["value"].Value;
            var shown = value.Length > 40 ? value[..40] + "…" : value;
            return new() { [name] = [$"{name}: expected {Expected(bind.Groups["type"].Value)}; got '{shown}'."] };
        }

        if (Parameter().Match(exception.Message) is { Success: true } parameter)
        {
            var name = parameter.Groups["name"].Value;
            return new() { [name] = [$"{name}: {exception.Message}"] };
        }

        return new() { ["request"] = [exception.Message] };
    }

    /// <summary>Answers an API request whose body is over the limit before any of it is read.</summary>
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var max = context.RequestServices.GetRequiredService<IOptions<HttpOptions>>().Value.MaxRequestBytes;
            // The error page is reached by running the pipeline again for the same request: let it through then.
            if (context.Request.ContentLength > max && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                if (context.IsApiRequest())
                {
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "The request is too large.", Detail = TooLarge(context.Request.ContentLength.Value, max) },
                    });
                }

                return;
            }

            await next(context);
        });

    public static string TooLarge(long size, long max) =>
        string.Create(CultureInfo.InvariantCulture, $"The request is {Megabytes(size)}; at most {Megabytes(max)} can be sent.");

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.##} MB");

    private static string Field(string? path)
    {
        var field = string.Concat(JsonIndex().Replace(path ?? "", "").TrimStart('$').TrimStart('.'));
        return field.Length == 0 ? "body" : field;
    }

    private static string Expected(string type) => type.TrimEnd('?') switch
    {
        "Guid" => "an id (a GUID)",
        "int" or "long" or "Int32" or "Int64" => "a whole number",
        "bool" or "Boolean" => "true or false",
        "DateOnly" => "a date as YYYY-MM-DD",
        var other => "a " + other,
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("""parameter "[^"]* (?<name>[^" ]+)" """)]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex JsonIndex();
}

/// <summary>Writes an API request's client errors as ProblemDetails; pages leave it to the error page (<see cref="ApiProblems.UsePageErrors"/>).</summary>
internal sealed class ApiClientErrorHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.IsApiRequest() || ClientErrors.StatusOf(exception) is not { } status)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        ProblemDetails problem = status == StatusCodes.Status400BadRequest
            ? new HttpValidationProblemDetails(ClientErrors.FieldsOf(exception)) { Status = status, Title = "One or more values in the request are not valid." }
            : new ProblemDetails { Status = status, Title = exception.Message };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
