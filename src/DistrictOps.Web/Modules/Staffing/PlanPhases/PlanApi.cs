using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Staffing.PlanPhases;

public static class PlanApi
{
    public static RouteGroupBuilder MapPlanApi(this RouteGroupBuilder group)
    {
        var plan = group.MapGroup("/plan");
        plan.MapGet("/", async (PlanHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .WithSummary("The phased plan: today's site technicians and second tier, each phase (devices, positions added, yearly cost, checkpoint) and the model's target.")
            .RequireAuthorization(StaffingPermissions.Read);
        plan.MapPost("/phases", async (SavePhaseCommand command, PlanHandler handler, CancellationToken ct) =>
                (await handler.SaveAsync(null, command, ct)).ToCreated(p => $"/api/v1/staffing/plan/phases/{p.Number}", p => p))
            .WithSummary("Add a phase (its number is unique).")
            .RequireAuthorization(StaffingPermissions.Manage);
        plan.MapPut("/phases/{number:int}", async (int number, SavePhaseCommand command, PlanHandler handler, CancellationToken ct) => (await handler.SaveAsync(number, command, ct)).ToOk())
            .WithSummary("Change a phase: devices, positions added, dates, status.")
            .RequireAuthorization(StaffingPermissions.Manage);
        plan.MapDelete("/phases/{number:int}", async (int number, PlanHandler handler, CancellationToken ct) => (await handler.DeleteAsync(number, ct)).ToNoContent())
            .WithSummary("Delete a phase that has not had its checkpoint.")
            .RequireAuthorization(StaffingPermissions.Manage);
        plan.MapPost("/phases/{number:int}/checkpoint", async (int number, CheckpointCommand command, PlanHandler handler, HttpContext context, CancellationToken ct) =>
                (await handler.CheckpointAsync(number, command, context.User.Identity?.Name ?? "", ct)).ToOk())
            .WithSummary("Record what a phase's checkpoint decided and mark it reviewed (reviewed=false keeps a draft).")
            .RequireAuthorization(StaffingPermissions.Manage);
        return group;
    }
}
