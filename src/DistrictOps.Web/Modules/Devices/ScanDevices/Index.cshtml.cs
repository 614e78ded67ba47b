using System.Globalization;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Devices.ScanDevices;

public enum ScanMode
{
    CheckOut,
    CheckIn,
    Audit,
}

/// <summary>What the scan form posts: the scanned code, and the page's state (person chosen, count, last scan) carried along.</summary>
public sealed class ScanForm
{
    public string? Code { get; set; }

    public string? Person { get; set; }

    public string? Next { get; set; }

    public int Count { get; set; }

    public long? Undo { get; set; }

    public string? Mode { get; set; }

    public string? Condition { get; set; }

    public List<string> Accessories { get; set; } = [];

    public string? Notes { get; set; }
}

/// <summary>
/// The scan-first page for keyboard-wedge barcode scanners: check devices out one person at a time, check a pile in, or
/// scan a room into an open audit. Each scan posts the form; <c>scan.js</c> posts the same form for JSON instead of a
/// redirect, so the page also works without script (Post/Redirect/Get, showing the last result).
/// </summary>
[Authorize(Policy = DevicesPermissions.Assign)]
public sealed class IndexModel(ScanDevicesHandler handler, PermissionRegistry permissions, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ScanForm Input { get; set; } = new();

    public ScanMode Mode { get; private set; }

    public ScanReply? Last { get; private set; }

    public string Prompt { get; private set; } = "";

    public IReadOnlyList<OpenAudit> Audits { get; private set; } = [];

    public OpenAudit? Audit { get; private set; }

    public ScanProgress? Progress => Last?.Progress ?? Audit?.Progress;

    public async Task OnGetAsync(string? mode, int? count, long? audit, [FromQuery] string[]? accessories, CancellationToken cancellationToken)
    {
        Mode = ParseMode(mode);
        Last = ScanReply.Last(this);
        Input.Count = Last?.Count ?? Math.Max(count ?? 0, 0);
        Input.Undo = Last?.UndoId;
        Input.Person = Mode == ScanMode.CheckOut && !string.IsNullOrEmpty(Last?.Person) ? Last.Person : null;
        Prompt = Input.Person is not null && Last?.Next is { } next ? next : PromptFor(Mode);
        Input.Next = Prompt;
        Input.Accessories = [.. accessories ?? []];
        if (Mode == ScanMode.Audit)
        {
            Audits = await handler.OpenAuditsAsync(DeviceUser(), cancellationToken);
            Audit = Audits.FirstOrDefault(a => a.Id == audit) ?? (Audits.Count == 1 ? Audits[0] : null);
        }
    }

    public async Task<IActionResult> OnPostCheckOutAsync(CancellationToken cancellationToken)
    {
        Mode = ScanMode.CheckOut;
        var user = DeviceUser();
        if (string.IsNullOrWhiteSpace(Input.Person))
        {
            var person = await handler.PersonAsync(Input.Code, user, cancellationToken);
            var chosen = person.Succeeded
                ? new ScanReply(ScanTone.Ok, t["{0} ({1}): now scan the device.", person.Value.Name, t[person.Value.Kind]].Value, [])
                    { Person = person.Value.Number, Next = t["Device tag for {0}", person.Value.Name].Value }
                : ScanReply.Refused(person.Failure) with { Person = "", Next = PromptFor(Mode) };
            return Answer(Unchanged(chosen), person.Kind);
        }

        var done = await handler.CheckOutAsync(new ScanCheckOutCommand(Input.Person, Input.Code, Input.Accessories), user, cancellationToken);
        var reply = done.Succeeded
            ? Reply(done.Value, t["Checked out {0} ({1}) to {2}.", done.Value.AssetTag, done.Value.Model, done.Value.Holder].Value) with { Person = "", Next = PromptFor(Mode) }
            : Unchanged(ScanReply.Refused(done.Failure)) with { Person = Input.Person, Next = Input.Next };
        return Answer(reply, done.Kind);
    }

    public async Task<IActionResult> OnPostCheckInAsync(CancellationToken cancellationToken)
    {
        Mode = ScanMode.CheckIn;
        var done = await handler.CheckInAsync(new ScanCheckInCommand(Input.Code, Input.Condition, Input.Accessories, Input.Notes), DeviceUser(), cancellationToken);
        if (!done.Succeeded)
        {
            return Answer(Unchanged(ScanReply.Refused(done.Failure)), done.Kind);
        }

        var reply = Reply(done.Value, t["Checked in {0} ({1}) from {2}.", done.Value.AssetTag, done.Value.Model, done.Value.Holder].Value);
        return Answer(done.Value.Status == DeviceStatus.Damaged && !done.Value.Repeated
            ? reply with { Tone = ScanTone.Warning, Details = [.. reply.Details, t["Condition D: the device is now Damaged; send it for repair."].Value] }
            : reply, done.Kind);
    }

    public async Task<IActionResult> OnPostUndoAsync(CancellationToken cancellationToken)
    {
        Mode = ParseMode(Input.Mode);
        if (Input.Undo is not { } assignmentId)
        {
            return Answer(Unchanged(new ScanReply(ScanTone.Error, t["There is no scan to undo."].Value, [])) with { Person = Input.Person, Next = Input.Next }, OutcomeKind.Conflict);
        }

        var undone = await handler.UndoAsync(assignmentId, DeviceUser(), cancellationToken);
        var reply = !undone.Succeeded ? Unchanged(ScanReply.Refused(undone.Failure))
            : new ScanReply(ScanTone.Ok, DeviceStatuses.IsOut(undone.Value.Status)
                ? t["Undone: {0} is out with {1} again.", undone.Value.AssetTag, undone.Value.Holder].Value
                : t["Undone: {0} ({1}) is back in stock.", undone.Value.AssetTag, undone.Value.Model].Value, []) { Count = Math.Max(Input.Count - 1, 0) };
        return Answer(Mode == ScanMode.CheckOut ? reply with { Person = Input.Person ?? "", Next = Input.Next ?? PromptFor(Mode) } : reply, undone.Kind);
    }

    public string PromptFor(ScanMode mode) => mode switch
    {
        ScanMode.CheckOut => t["Student or staff number"].Value,
        ScanMode.CheckIn => t["Device tag to check in"].Value,
        _ => t["Device tag in this room"].Value,
    };

    public static string ModeName(ScanMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>This page's address for a mode, keeping the running count and the accessories chosen for check-in.</summary>
    public static string UrlOf(ScanMode mode, int count = 0, IEnumerable<string>? accessories = null, long? audit = null)
    {
        var query = new List<KeyValuePair<string, string?>> { new("mode", ModeName(mode)) };
        if (count > 0)
        {
            query.Add(new("count", count.ToString(CultureInfo.InvariantCulture)));
        }

        query.AddRange((accessories ?? []).Select(a => new KeyValuePair<string, string?>("accessories", a)));
        if (audit is { } id)
        {
            query.Add(new("audit", id.ToString(CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString("/devices/scan", query);
    }

    /// <summary>A repeated scan changed nothing: its sentence is the line, and the count and the scan to undo stay.</summary>
    private ScanReply Reply(ScanDone done, string line) => done.Repeated
        ? Unchanged(new ScanReply(ScanTone.Warning, done.Warnings[0], done.Warnings.Skip(1).ToList()))
        : new ScanReply(done.Warnings.Count > 0 ? ScanTone.Warning : ScanTone.Ok, line, done.Warnings) { Count = Input.Count + 1, UndoId = done.AssignmentId };

    /// <summary>A reply to a scan that changed nothing: the running count and the scan to undo stay as they were.</summary>
    private ScanReply Unchanged(ScanReply reply) => reply with { Count = Input.Count, UndoId = Input.Undo };

    private IActionResult Answer(ScanReply reply, OutcomeKind kind)
    {
        var accessories = ScanRules.Names(ScanRules.ParseAccessories(Input.Accessories, new ErrorList()));
        return reply.Answer(this, kind, UrlOf(Mode, reply.Count ?? 0, accessories));
    }

    private DeviceUser DeviceUser() => Register.DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions);

    private static ScanMode ParseMode(string? mode) =>
        Enum.TryParse<ScanMode>(mode, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !(mode ?? "").Any(char.IsAsciiDigit) ? parsed : ScanMode.CheckOut;
}
