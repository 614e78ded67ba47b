using System.Text.Json;
using System.Text.Json.Serialization;
using DistrictOps.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.Register;

/// <summary>How a scan went, for the colour, the sound and the words of its result line.</summary>
public enum ScanTone
{
    Ok,
    Warning,
    Error,
}

/// <summary>How far an audit has come, for its progress bar.</summary>
public sealed record ScanProgress(int Found, int Expected, int Unexpected);

/// <summary>
/// What one scan shows on a scan page (the scan flows and an audit): a result line, its details (warnings), and what the
/// page does next. The same record is the JSON a page answers <c>wwwroot/js/scan.js</c> with, and what a form post
/// keeps in TempData for the page after its redirect, so the page looks the same with and without script.
/// </summary>
public sealed record ScanReply(ScanTone Tone, string Line, IReadOnlyList<string> Details)
{
    private const string Kept = "ScanReply";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The assignment "Undo last scan" takes back; null when there is nothing to undo.</summary>
    public long? UndoId { get; init; }

    /// <summary>The scans done in this session so far.</summary>
    public int? Count { get; init; }

    public ScanProgress? Progress { get; init; }

    /// <summary>What the scan field asks for next (check-out: the person, then their device); null leaves it as it is.</summary>
    public string? Next { get; init; }

    /// <summary>The number of the person the next device goes to; empty once their device went out.</summary>
    public string? Person { get; init; }

    public static ScanReply Refused(Failure failure) => new(ScanTone.Error, string.Join(" ", failure.Messages), []);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ScanReply? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ScanReply>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The status code a script's request gets with the reply: 200, or the refusal's as the API would answer it.</summary>
    public static int StatusOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Ok => StatusCodes.Status200OK,
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>
    /// A scan page's answer to a scan: the reply as JSON (with the outcome's status code) to the page's script, else kept
    /// for the page that <paramref name="redirectTo"/> shows after the redirect (Post/Redirect/Get).
    /// </summary>
    public IActionResult Answer(PageModel page, OutcomeKind kind, string redirectTo)
    {
        if (page.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
        {
            return new JsonResult(this, Json) { StatusCode = StatusOf(kind) };
        }

        page.TempData[Kept] = ToJson();
        return new RedirectResult(redirectTo);
    }

    /// <summary>The reply of the scan posted before the redirect to this page, if any.</summary>
    public static ScanReply? Last(PageModel page) => FromJson(page.TempData[Kept] as string);
}
