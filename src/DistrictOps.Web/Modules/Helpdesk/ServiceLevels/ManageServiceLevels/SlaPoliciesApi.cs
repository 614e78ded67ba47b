using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Helpdesk.ServiceLevels.ManageServiceLevels;

public static class SlaPoliciesApi
{
    public static RouteGroupBuilder MapSlaPoliciesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/sla-policies", async (SlaPoliciesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithSummary("The service-level policies in the order they are tried, with their targets per priority in counted minutes.");
        group.MapGet("/sla-policies/{id:int}", async Task<Results<Ok<SlaPolicyDto>, NotFound>> (int id, SlaPoliciesHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } policy ? TypedResults.Ok(policy) : TypedResults.NotFound())
            .WithSummary("One service-level policy.");
        group.MapPost("/sla-policies", async Task<Results<Created<SlaPolicyDto>, ValidationProblem>> (SaveSlaPolicyCommand command, SlaPoliciesHandler handler, CancellationToken ct) =>
            {
                var saved = await handler.SaveAsync(null, command, ct);
                return saved.Succeeded
                    ? TypedResults.Created($"/api/v1/helpdesk/sla-policies/{saved.Value!.Id}", saved.Value)
                    : TypedResults.ValidationProblem(saved.Errors);
            })
            .WithSummary("Add a policy: conditions like a routing rule's, hours (SchoolTime or AroundTheClock), pause on hold, restore-instruction minutes and targets. Open tickets are marked for recompute.");
        group.MapPut("/sla-policies/{id:int}", async Task<Results<Ok<SlaPolicyDto>, NotFound, ValidationProblem>> (int id, SaveSlaPolicyCommand command, SlaPoliciesHandler handler, CancellationToken ct) =>
            {
                var saved = await handler.SaveAsync(id, command, ct);
                return saved.Succeeded ? TypedResults.Ok(saved.Value!)
                    : saved.Errors.ContainsKey("id") ? TypedResults.NotFound()
                    : TypedResults.ValidationProblem(saved.Errors);
            })
            .WithSummary("Replace a policy and its targets. Open tickets are marked for recompute.");
        group.MapDelete("/sla-policies/{id:int}", async Task<Results<NoContent, NotFound>> (int id, SlaPoliciesHandler handler, CancellationToken ct) =>
                await handler.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("Delete a policy. Open tickets are marked for recompute.");
        return group;
    }
}
