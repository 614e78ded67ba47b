using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Uploads;

namespace DistrictOps.Web.Modules.Devices.ReportIncidents;

public static class IncidentsApi
{
    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder group)
    {
        var incidents = group.MapGroup("/incidents").RequireAuthorization(DevicesPermissions.Read);
        incidents.MapGet("/", async (HttpContext context, PermissionRegistry permissions, IncidentsHandler handler, CancellationToken ct) =>
            {
                var query = IncidentQuery.Read(context.Request.Query);
                return query.Succeeded
                    ? Results.Ok(await handler.ListAsync(query.Value, DeviceUser.Of(context, DevicesPermissions.Read, permissions), ct))
                    : query.Failure.ToProblem();
            })
            .WithSummary("Incidents, newest first, paged: kind, responsibility=undecided|decided, siteId, studentId. Site technicians see their sites'. studentName is null where the student rule hides it.");
        incidents.MapPost("/", async (ReportIncident command, HttpContext context, PermissionRegistry permissions, ReportIncidentHandler handler, CancellationToken ct) =>
                (await handler.ReportAsync(command, [], DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct))
                    .ToCreated(i => $"/api/v1/devices/incidents/{i.Id}", i => i))
            .RequireAuthorization(DevicesPermissions.Assign)
            .WithSummary("Report a device lost, stolen (policeReport required) or damaged (cause Accidental or Willful required). Moves its status; a lost or stolen device's custody ends. The same report again records nothing more (repeated: true).");
        incidents.MapGet("/{id:long}", async (long id, HttpContext context, PermissionRegistry permissions, IncidentsHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, DeviceUser.Of(context, DevicesPermissions.Read, permissions), ct) is { } incident ? Results.Ok(incident) : Results.NotFound())
            .WithSummary("One incident: the device, the student who held it, the repeat-incident flag, photos, the decision and the responsibilities the rules allow.");
        incidents.MapPost("/{id:long}/photos", async (long id, IFormFile file, HttpContext context, PermissionRegistry permissions, ReportIncidentHandler handler, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                var photo = await ReportIncidentHandler.CheckPhotosAsync([(file.FileName, content)], ct);
                return photo.Succeeded
                    ? (await handler.AddPhotoAsync(id, photo.Value[0], DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct)).ToCreated(p => p.Url, p => p)
                    : photo.Failure.ToProblem();
            })
            .RequireAuthorization(DevicesPermissions.Assign)
            .DisableAntiforgery()
            .WithSummary("Add a photo (multipart field 'file'): a picture by its content, at most 5 MB, at most 5 per incident.");
        incidents.MapPost("/{id:long}/decision", async (long id, Decide command, HttpContext context, PermissionRegistry permissions, IncidentsHandler handler, CancellationToken ct) =>
                (await handler.DecideAsync(id, command, DeviceUser.Of(context, DevicesPermissions.Fees, permissions), ct)).ToOk())
            .RequireAuthorization(DevicesPermissions.Fees)
            .WithSummary("Decide who is responsible: District always; Family only for a lost device or willful damage; Warranty for accidental damage; Protection only if the family opted in that school year. Changeable until a charge is recorded.");
        return group;
    }

    /// <summary>An incident's photo at <c>/devices/incidents/{id}/photos/{photoId}</c>, for those who may see the incident.</summary>
    public static IEndpointRouteBuilder MapIncidentPhotos(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/devices/incidents/{id:long}/photos/{photoId:long}", async (long id, long photoId, HttpContext context, PermissionRegistry permissions, IncidentsHandler handler, CancellationToken ct) =>
            {
                if (await handler.PhotoAsync(id, photoId, DeviceUser.Of(context, DevicesPermissions.Read, permissions), ct) is not { } photo || !FileSignature.IsImage(photo.ContentType))
                {
                    return Results.NotFound();
                }

                context.Response.Headers.CacheControl = "private, max-age=3600";
                return Results.File(photo.Content, photo.ContentType);
            })
            .RequireAuthorization(DevicesPermissions.Read)
            .ExcludeFromDescription();
        return endpoints;
    }
}
