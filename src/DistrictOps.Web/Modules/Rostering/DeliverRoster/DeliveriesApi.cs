using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Rostering.DeliverRoster;

public static class DeliveriesApi
{
    public static RouteGroupBuilder MapDeliveriesApi(this RouteGroupBuilder group)
    {
        group.MapPost("/apps/{id:guid}/deliveries", async (Guid id, HttpContext context, DeliveryHandler handler, CancellationToken ct) =>
            {
                var started = await handler.StartAsync(id, context.User.DisplayName(), ct);
                return started.Succeeded
                    ? Results.Accepted($"/api/v1/rostering/apps/{id}/deliveries/{started.Value.Id}", started.Value)
                    : started.Failure.ToProblem();
            })
            .WithSummary("Makes the app's package now, in the background (202, with the delivery to follow at Location): written from the Directory cut to the agreement, checked by the import's rules, kept for download, pushed over SFTP when the agreement says so. 409 when the app is not active, its agreement is not enabled or delivers by the API, or a delivery is under way.")
            .RequireAuthorization(RosteringPermissions.Deliver);

        group.MapGet("/apps/{id:guid}/deliveries", async (Guid id, int? page, int? pageSize, DeliveryHandler handler, CancellationToken ct) =>
            {
                var view = await handler.ListAsync(id, new PageRequest(page, pageSize), ct);
                return view.Succeeded ? Results.Ok(view.Value.Deliveries) : view.Failure.ToProblem();
            })
            .WithSummary("The app's deliveries, newest first (paged): files with their rows, bytes, SHA-256, target, attempts, outcome and error.")
            .RequireAuthorization(RosteringPermissions.Read);

        group.MapGet("/apps/{id:guid}/deliveries/{deliveryId:guid}", async (Guid id, Guid deliveryId, DeliveryHandler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, deliveryId, ct)).ToOk())
            .WithSummary("One delivery.")
            .RequireAuthorization(RosteringPermissions.Read);

        group.MapGet("/apps/{id:guid}/deliveries/{deliveryId:guid}/package", async (Guid id, Guid deliveryId, DeliveryHandler handler, CancellationToken ct) =>
            {
                var package = await handler.PackageAsync(id, deliveryId, ct);
                return package.Succeeded
                    ? Results.File(package.Value.Path, "application/zip", package.Value.Name)
                    : package.Failure.ToProblem();
            })
            .WithSummary("The delivery's package (a zip), while it is kept (Rostering:Delivery:KeepPackagesFor); 404 once deleted.")
            .RequireAuthorization(RosteringPermissions.Deliver);
        return group;
    }
}
