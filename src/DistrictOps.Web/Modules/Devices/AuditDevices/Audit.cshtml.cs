using System.Globalization;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Export;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Devices.AuditDevices;

/// <summary>
/// One audit: its progress, the missing, found and unexpected lists (paged), the scan field while it is open and the
/// missing list to download once it is closed. The scan page's room-audit mode posts its scans here too.
/// </summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class AuditModel(AuditDevicesHandler handler, PermissionRegistry permissions, IStringLocalizer<SharedResource> t) : PageModel
{
    public AuditDetail Detail { get; private set; } = null!;

    public ScanReply? Last { get; private set; }

    public bool MayScan { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var query = new QueryReader(Request.Query);
        var list = query.Enum<AuditList>("list") ?? AuditList.Missing;
        var page = query.Paging();
        var detail = await handler.DetailAsync(id, list, page, DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions), cancellationToken);
        if (!detail.Succeeded)
        {
            return NotFound();
        }

        Detail = detail.Value;
        Last = ScanReply.Last(this);
        MayScan = Detail.Audit.Open && DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions).Scope.Covers(Detail.Audit.SiteId);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(long id, CancellationToken cancellationToken)
    {
        var table = await handler.MissingExportAsync(id, DeviceUser.Of(HttpContext, DevicesPermissions.Read, permissions), cancellationToken);
        if (!table.Succeeded)
        {
            return table.Failure.Kind == Platform.OutcomeKind.NotFound ? NotFound() : new ConflictObjectResult(table.Failure.Message);
        }

        return File(CsvExport.Write(table.Value), ExportTable.CsvContentType, $"audit-{id.ToString(CultureInfo.InvariantCulture)}-missing.csv");
    }

    public async Task<IActionResult> OnPostScanAsync(long id, string? code, string? back, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Assign))
        {
            return Forbid();
        }

        var scanned = await handler.ScanAsync(id, new AuditScanCommand(code), DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions), cancellationToken);
        var reply = !scanned.Succeeded ? ScanReply.Refused(scanned.Failure) : scanned.Value.Outcome switch
        {
            AuditScanOutcome.Found => new ScanReply(ScanTone.Ok, t["Found {0} ({1}).", scanned.Value.AssetTag, scanned.Value.Model].Value, scanned.Value.Warnings),
            AuditScanOutcome.Unexpected => new ScanReply(ScanTone.Warning, t["{0} ({1}) was not expected here; it is listed as unexpected.", scanned.Value.AssetTag, scanned.Value.Model].Value, scanned.Value.Warnings),
            _ => new ScanReply(ScanTone.Warning, t["{0} was already scanned; nothing changed.", scanned.Value.AssetTag].Value, scanned.Value.Warnings),
        };
        var redirect = back == "scan" ? $"/devices/scan?mode=audit&audit={id.ToString(CultureInfo.InvariantCulture)}" : $"/devices/audits/{id.ToString(CultureInfo.InvariantCulture)}";
        return (reply with { Progress = scanned.Value?.Progress }).Answer(this, scanned.Kind, redirect);
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Assign))
        {
            return Forbid();
        }

        var closed = await handler.CloseAsync(id, DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions), cancellationToken);
        if (!closed.Succeeded)
        {
            return NotFound();
        }

        TempData["Saved"] = $"Audit closed: {closed.Value.Found} of {closed.Value.Expected} found, {closed.Value.Missing} missing, {closed.Value.Unexpected} unexpected.";
        return Redirect($"/devices/audits/{id.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>This page's address showing one list.</summary>
    public string ListUrl(AuditList list) => $"/devices/audits/{Detail.Audit.Id.ToString(CultureInfo.InvariantCulture)}?list={list}";
}
