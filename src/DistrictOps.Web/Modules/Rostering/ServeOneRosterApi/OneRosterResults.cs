using System.Text.Json;

namespace DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;

/// <summary>
/// A refused OneRoster request as the binding reports it: the HTTP status and the status information
/// (<c>imsx_codeMajor</c> failure, <c>imsx_severity</c> error, the description and the code minor), the same in 1.1 and 1.2.
/// </summary>
public sealed record OneRosterError(int Status, string CodeMinor, string Description)
{
    public static OneRosterError Unauthorized(string description) => new(StatusCodes.Status401Unauthorized, "unauthorisedrequest", description);

    public static OneRosterError Forbidden(string description) => new(StatusCodes.Status403Forbidden, "forbidden", description);

    /// <summary>Also what a record outside the app's agreement gets: that it exists is not revealed.</summary>
    public static OneRosterError NotFound(string description) => new(StatusCodes.Status404NotFound, "unknownobject", description);

    public static OneRosterError BadFilter(string description) => new(StatusCodes.Status400BadRequest, "invalid_filter_field", description);

    public static OneRosterError BadSelection(string description) => new(StatusCodes.Status400BadRequest, "invalid_selection_field", description);

    public static OneRosterError Internal() => new(StatusCodes.Status500InternalServerError, "internal_server_error", "The request could not be answered; it was logged with its request id.");

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("imsx_codeMajor", "failure");
        json.WriteString("imsx_severity", "error");
        json.WriteString("imsx_description", Description);
        json.WriteStartObject("imsx_CodeMinor");
        json.WriteStartArray("imsx_codeMinorField");
        json.WriteStartObject();
        json.WriteString("imsx_codeMinorFieldName", "TargetEndSystem");
        json.WriteString("imsx_codeMinorFieldValue", CodeMinor);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}

/// <summary>What an API endpoint answered, for the request record: status, records returned and the people among them.</summary>
public interface IOneRosterAnswer : IResult
{
    int Status { get; }

    int Returned { get; }

    /// <summary>The people whose data the answer holds (users and demographics), recorded as shared with the app.</summary>
    IReadOnlyCollection<Guid> People { get; }
}

internal sealed class OneRosterErrorResult(OneRosterError error) : IOneRosterAnswer
{
    public OneRosterError Error { get; } = error;

    public int Status => Error.Status;

    public int Returned => 0;

    public IReadOnlyCollection<Guid> People => [];

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Error.Status;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-store";
        if (Error.Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        }

        await using var json = new Utf8JsonWriter(response.Body);
        Error.Write(json);
    }
}

/// <summary>A collection or a single record, written straight to the response with its paging headers.</summary>
internal sealed class OneRosterJsonResult(int returned, IReadOnlyCollection<Guid> people, IReadOnlyDictionary<string, string> headers, Action<Utf8JsonWriter> write)
    : IOneRosterAnswer
{
    public int Status => StatusCodes.Status200OK;

    public int Returned => returned;

    public IReadOnlyCollection<Guid> People => people;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        // Roster records are personal data: no cache keeps them.
        response.Headers.CacheControl = "no-store";
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        await using var json = new Utf8JsonWriter(response.Body);
        write(json);
        await json.FlushAsync(httpContext.RequestAborted);
    }
}
