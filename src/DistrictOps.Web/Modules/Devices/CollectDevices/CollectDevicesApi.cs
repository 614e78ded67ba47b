using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Devices.CollectDevices;

public static class CollectDevicesApi
{
    public static RouteGroupBuilder MapCollectDevicesApi(this RouteGroupBuilder group)
    {
        var collections = group.MapGroup("/collections").RequireAuthorization(DevicesPermissions.Read);
        collections.MapGet("/", async Task<Results<Ok<PagedResult<CollectionSummary>>, ValidationProblem, ProblemHttpResult>> (
                    HttpContext context, PermissionRegistry permissions, CollectDevicesHandler handler, CancellationToken ct) =>
                (await QueryReader.ReadPaging(context.Request.Query).ThenAsync(page => handler.ListAsync(DeviceUser.Of(context, DevicesPermissions.Read, permissions), page, ct))).ToOk())
            .WithSummary("Year-end collections at your sites, newest first, with expected and collected counts.");
        collections.MapPost("/", async (StartCollectionCommand command, HttpContext context, PermissionRegistry permissions, CollectDevicesHandler handler, CancellationToken ct) =>
                (await handler.StartAsync(command, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToCreated(c => $"/api/v1/devices/collections/{c.Id}", c => c))
            .RequireAuthorization(DevicesPermissions.Assign)
            .WithSummary("Start this school year's collection at a site (siteId) with the day devices are due back (dueOn): every device out with a student there is expected. "
                + "One per site and school year (409).");
        collections.MapGet("/{id:long}", async Task<Results<Ok<CollectionDetail>, ValidationProblem, ProblemHttpResult>> (
                    long id, HttpContext context, PermissionRegistry permissions, CollectDevicesHandler handler, CancellationToken ct) =>
                (await QueryReader.ReadPaging(context.Request.Query).ThenAsync(page => handler.DetailAsync(id, page, DeviceUser.Of(context, DevicesPermissions.Read, permissions), ct))).ToOk())
            .WithSummary("A collection's expected and collected counts and its outstanding devices, paged; students are named only to those who may see them.");
        collections.MapPost("/{id:long}/reminders", async (long id, HttpContext context, PermissionRegistry permissions, CollectDevicesHandler handler, CancellationToken ct) =>
                (await handler.RemindAsync(id, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToOk())
            .RequireAuthorization(DevicesPermissions.Assign)
            .WithSummary("Email the guardians of every student whose device is outstanding; guardians without email are listed. A second call the same day sends nothing (alreadyToday).");
        return group;
    }
}
