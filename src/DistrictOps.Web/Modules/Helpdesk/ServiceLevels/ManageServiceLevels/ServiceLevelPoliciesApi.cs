using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Helpdesk.ServiceLevels.ManageServiceLevels;

public static class ServiceLevelPoliciesApi
{
    public static RouteGroupBuilder MapServiceLevelPoliciesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/service-level-policies", async (ServiceLevelPoliciesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithSummary("The service-level policies in the order they are tried, with their targets per priority in counted minutes.");
        group.MapGet("/service-level-policies/{id:int}", async Task<Results<Ok<ServiceLevelPolicyDto>, NotFound>> (int id, ServiceLevelPoliciesHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } policy ? TypedResults.Ok(policy) : TypedResults.NotFound())
            .WithSummary("One service-level policy.");
        group.MapPost("/service-level-policies", async Task<Results<Created<ServiceLevelPolicyDto>, ValidationProblem, ProblemHttpResult>> (SaveServiceLevelPolicyCommand command, ServiceLevelPoliciesHandler handler, CancellationToken ct) =>
                (await handler.SaveAsync(null, command, ct)).ToCreated(policy => $"/api/v1/helpdesk/service-level-policies/{policy.Id}", policy => policy))
            .WithSummary("Add a policy: conditions like a routing rule's, hours (SchoolTime or AroundTheClock), pause on hold, restore-instruction minutes and targets. Open tickets are marked for recompute.");
        group.MapPut("/service-level-policies/{id:int}", async Task<Results<Ok<ServiceLevelPolicyDto>, ValidationProblem, ProblemHttpResult>> (int id, SaveServiceLevelPolicyCommand command, ServiceLevelPoliciesHandler handler, CancellationToken ct) =>
                (await handler.SaveAsync(id, command, ct)).ToOk())
            .WithSummary("Replace a policy and its targets. Open tickets are marked for recompute.");
        group.MapDelete("/service-level-policies/{id:int}", async Task<Results<NoContent, NotFound>> (int id, ServiceLevelPoliciesHandler handler, CancellationToken ct) =>
                await handler.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("Delete a policy. Open tickets are marked for recompute.");
        return group;
    }
}
