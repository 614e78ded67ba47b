using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Rostering.ManageApps;

public static class AppsApi
{
    public static RouteGroupBuilder MapAppsApi(this RouteGroupBuilder group)
    {
        var apps = group.MapGroup("/apps");
        apps.MapGet("/", async (HttpContext context, AppsHandler handler, CancellationToken ct) =>
            {
                var query = new QueryReader(context.Request.Query);
                var status = query.Enum<AppStatus>("status");
                var page = query.Paging();
                return query.Errors.Any ? query.Then(page).Failure!.ToProblem() : TypedResults.Ok(await handler.ListAsync(status, page, ct));
            })
            .WithSummary("The registered apps by name, paged (status=Pending|Active|Suspended|Retired), each with its data-privacy agreement's dates, whether sharing is on, and its latest delivery.")
            .RequireAuthorization(RosteringPermissions.Read);
        apps.MapGet("/{id:guid}", async (Guid id, AppsHandler handler, CancellationToken ct) => (await handler.GetAsync(id, ct)).ToOk())
            .WithSummary("One app.")
            .RequireAuthorization(RosteringPermissions.Read);
        apps.MapPost("/", async (SaveAppCommand command, AppsHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(command, ct)).ToCreated(a => $"/api/v1/rostering/apps/{a.Id}", a => a))
            .WithSummary("Register an app (pending until its data-privacy agreement is signed); its agreement starts empty and off.")
            .RequireAuthorization(RosteringPermissions.Manage);
        apps.MapPut("/{id:guid}", async (Guid id, SaveAppCommand command, AppsHandler handler, CancellationToken ct) => (await handler.UpdateAsync(id, command, ct)).ToOk())
            .WithSummary("Change an app's vendor, contact, data-privacy agreement or status (active only under a signed agreement in force).")
            .RequireAuthorization(RosteringPermissions.Manage);
        return group;
    }
}
