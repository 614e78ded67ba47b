using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Staffing.EditScenarios;

public static class ScenariosApi
{
    public static RouteGroupBuilder MapScenariosApi(this RouteGroupBuilder group)
    {
        var scenarios = group.MapGroup("/scenarios");
        scenarios.MapGet("/", async (ScenariosHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.CompareAsync(ct)))
            .WithSummary("The district model and every scenario, each with its settings and figures (FTE by site type, second tier, devices per technician, yearly cost and increase), for side-by-side comparison.")
            .RequireAuthorization(StaffingPermissions.Read);
        scenarios.MapGet("/{id:guid}", async (Guid id, ScenariosHandler handler, CancellationToken ct) => (await handler.GetAsync(id, ct)).ToOk())
            .WithSummary("One scenario (or the model) with its settings and figures.")
            .RequireAuthorization(StaffingPermissions.Read);
        scenarios.MapPost("/", async (CopyScenarioCommand command, ScenariosHandler handler, HttpContext context, CancellationToken ct) =>
                (await handler.CopyAsync(command, context.User.Identity?.Name ?? "", ct)).ToCreated(s => $"/api/v1/staffing/scenarios/{s.Settings.Id}", s => s))
            .WithSummary("Make a scenario as a copy of the model (copyOf empty) or of another scenario; names are unique.")
            .RequireAuthorization(StaffingPermissions.Manage);
        scenarios.MapPut("/{id:guid}", async (Guid id, SaveScenarioCommand command, ScenariosHandler handler, HttpContext context, CancellationToken ct) =>
                (await handler.UpdateAsync(id, command, context.User.Identity?.Name ?? "", ct)).ToOk())
            .WithSummary("Change a scenario's ratios, sites added per type, devices added, second tier and costs; give the version read (409 when it has changed since). The model takes no added sites or devices.")
            .RequireAuthorization(StaffingPermissions.Manage);
        scenarios.MapDelete("/{id:guid}", async (Guid id, ScenariosHandler handler, CancellationToken ct) => (await handler.DeleteAsync(id, ct)).ToNoContent())
            .WithSummary("Delete a scenario (never the model).")
            .RequireAuthorization(StaffingPermissions.Manage);
        return group;
    }
}
