using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.LendLoaners;

public static class LendLoanersApi
{
    public static RouteGroupBuilder MapLendLoanersApi(this RouteGroupBuilder group)
    {
        var pools = group.MapGroup("/pools").RequireAuthorization(DevicesPermissions.Read);
        pools.MapGet("/", async (HttpContext context, PermissionRegistry permissions, LendLoanersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(DeviceUser.Of(context, DevicesPermissions.Read, permissions), ct)))
            .WithSummary("Loaner pools (a site technician's: at their sites) with devices, out now, available, overdue, 90-day utilization and the site's recommended pool size with its inputs.");
        pools.MapPost("/", async (CreatePool command, HttpContext context, PermissionRegistry permissions, LendLoanersHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(command, DeviceUser.Of(context, DevicesPermissions.Manage, permissions), ct)).ToCreated(p => $"/api/v1/devices/pools/{p.Id}", p => p))
            .WithSummary("Create a loaner pool at a site (siteId, name, loanDays, 10 by default). The same name at the same site again changes nothing.")
            .RequireAuthorization(DevicesPermissions.Manage);
        pools.MapGet("/{id:guid}", async (Guid id, HttpContext context, PermissionRegistry permissions, LendLoanersHandler handler, CancellationToken ct) =>
            {
                var page = new QueryReader(context.Request.Query);
                var request = page.Paging();
                return page.Errors.Any
                    ? page.Then(request).Failure!.ToProblem()
                    : (await handler.DetailAsync(id, DeviceUser.Of(context, DevicesPermissions.Read, permissions), request, ct)).ToOk();
            })
            .WithSummary("One pool: its figures, the loans out (soonest due first, overdue flagged), its devices a page at a time, and the site's open tickets waiting for a loaner (instruction disrupted first).");
        pools.MapPost("/{id:guid}/devices", async (Guid id, ChangePoolDevices command, HttpContext context, PermissionRegistry permissions, LendLoanersHandler handler, CancellationToken ct) =>
                (await handler.ChangeDevicesAsync(id, command, DeviceUser.Of(context, DevicesPermissions.Manage, permissions), ct)).ToOk())
            .WithSummary("Add devices in stock to the pool (add: asset tags or serials; they move to the pool's site) and take devices not out on loan out of it (remove). One refused tag refuses all; a device already where asked is left alone.")
            .RequireAuthorization(DevicesPermissions.Manage);
        pools.MapPost("/{id:guid}/loans", async (Guid id, Lend command, HttpContext context, PermissionRegistry permissions, LendLoanersHandler handler, CancellationToken ct) =>
                (await handler.LendAsync(id, command, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .WithSummary("Lend a pool device for a ticket: to personNumber or personId (else the ticket's requester), device (else the first available), dueOn (else today + the pool's loan days). The ticket is noted and instruction restored. A retry answers with the loan already out and changes nothing.")
            .RequireAuthorization(DevicesPermissions.Assign);
        pools.MapPost("/{id:guid}/returns", async (Guid id, ReturnLoan command, HttpContext context, PermissionRegistry permissions, LendLoanersHandler handler, CancellationToken ct) =>
                (await handler.ReturnAsync(id, command, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .WithSummary("Take a loaner back into its pool (device, condition A to D, notes); condition D leaves it damaged. A second return changes nothing.")
            .RequireAuthorization(DevicesPermissions.Assign);
        return group;
    }
}
