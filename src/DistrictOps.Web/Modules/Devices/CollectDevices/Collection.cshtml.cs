using System.Globalization;
using System.Text.Json;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.CollectDevices;

/// <summary>One collection: expected against collected, the outstanding devices (paged) and "Send reminders" to their families.</summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class CollectionModel(CollectDevicesHandler handler, PermissionRegistry permissions) : PageModel
{
    /// <summary>How many students without an email on file the page lists after reminders; the rest are counted.</summary>
    public const int NoEmailShown = 50;

    public CollectionDetail Detail { get; private set; } = null!;

    public RemindersSent? Reminded { get; private set; }

    public bool MayRemind { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var page = QueryReader.ReadPaging(Request.Query);
        var detail = await handler.DetailAsync(id, page.Succeeded ? page.Value : new(1, null), DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions), cancellationToken);
        if (!detail.Succeeded)
        {
            return NotFound();
        }

        Detail = detail.Value;
        MayRemind = DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions).Scope.Covers(Detail.Collection.SiteId);
        Reminded = TempData["Reminded"] is string kept ? JsonSerializer.Deserialize<RemindersSent>(kept) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(long id, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Assign))
        {
            return Forbid();
        }

        var sent = await handler.RemindAsync(id, DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions), cancellationToken);
        if (!sent.Succeeded)
        {
            return NotFound();
        }

        // The first students without email are shown after the redirect; a cookie holds a few kilobytes.
        var noEmail = sent.Value.NoEmail;
        TempData["Reminded"] = JsonSerializer.Serialize(sent.Value with { NoEmail = noEmail.Take(NoEmailShown).ToList() });
        TempData["NoEmailTotal"] = noEmail.Count;
        return Redirect($"/devices/collections/{id.ToString(CultureInfo.InvariantCulture)}");
    }
}
