using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Devices.AuditDevices;

public static class AuditDevicesApi
{
    public static RouteGroupBuilder MapAuditDevicesApi(this RouteGroupBuilder group)
    {
        var audits = group.MapGroup("/audits").RequireAuthorization(DevicesPermissions.Read);
        audits.MapGet("/", async Task<Results<Ok<PagedResult<AuditSummary>>, ValidationProblem, ProblemHttpResult>> (
                    HttpContext context, PermissionRegistry permissions, AuditDevicesHandler handler, CancellationToken ct) =>
            {
                var query = new QueryReader(context.Request.Query);
                var site = query.Id("siteId", "a site id");
                var page = query.Paging();
                return (await query.Then(page).ThenAsync(p => handler.ListAsync(DeviceUser.Of(context, DevicesPermissions.Read, permissions), site, p, ct))).ToOk();
            })
            .WithSummary("Audits at your sites, open ones first, newest first; siteId filters, page and pageSize page.");
        audits.MapPost("/", async (StartAuditCommand command, HttpContext context, PermissionRegistry permissions, AuditDevicesHandler handler, CancellationToken ct) =>
                (await handler.StartAsync(command, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToCreated(a => $"/api/v1/devices/audits/{a.Id}", a => a))
            .RequireAuthorization(DevicesPermissions.Assign)
            .WithSummary("Start an audit of a site (siteId) or one room of it: the devices there that are not retired, disposed, lost or stolen are expected. "
                + "409 while an audit of the same place is open; 403 at a site that is not yours.");
        audits.MapGet("/{id:long}", async Task<Results<Ok<AuditDetail>, ValidationProblem, ProblemHttpResult>> (
                    long id, HttpContext context, PermissionRegistry permissions, AuditDevicesHandler handler, CancellationToken ct) =>
            {
                var query = new QueryReader(context.Request.Query);
                var list = query.Enum<AuditList>("list") ?? AuditList.Missing;
                var page = query.Paging();
                return (await query.Then(page).ThenAsync(p => handler.DetailAsync(id, list, p, DeviceUser.Of(context, DevicesPermissions.Read, permissions), ct))).ToOk();
            })
            .WithSummary("An audit's counts and one of its lists (list: Missing, the default, Found or Unexpected), paged, by asset tag.");
        audits.MapPost("/{id:long}/scans", async (long id, AuditScanCommand command, HttpContext context, PermissionRegistry permissions, AuditDevicesHandler handler, CancellationToken ct) =>
                (await handler.ScanAsync(id, command, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .RequireAuthorization(DevicesPermissions.Assign)
            .WithSummary("Scan a device (tag or serial) into an open audit: Found, Unexpected (with why), or AlreadyScanned, which changes nothing. 409 once the audit is closed.");
        audits.MapPost("/{id:long}/close", async (long id, HttpContext context, PermissionRegistry permissions, AuditDevicesHandler handler, CancellationToken ct) =>
                (await handler.CloseAsync(id, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .RequireAuthorization(DevicesPermissions.Assign)
            .WithSummary("Close an audit: what was expected and not scanned is the missing list; scanned devices get their last-audited time and an Audited history line. Closing again changes nothing.");
        return group;
    }
}
