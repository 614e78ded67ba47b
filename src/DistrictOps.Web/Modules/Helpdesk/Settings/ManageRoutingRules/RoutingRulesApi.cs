using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Helpdesk.Settings.ManageRoutingRules;

public static class RoutingRulesApi
{
    public static RouteGroupBuilder MapRoutingRulesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/routing-rules", async (RoutingRulesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithSummary("The routing rules in the order they run.");
        group.MapGet("/routing-rules/{id:int}", async Task<Results<Ok<RoutingRuleDto>, NotFound>> (int id, RoutingRulesHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } rule ? TypedResults.Ok(rule) : TypedResults.NotFound())
            .WithSummary("One routing rule.");
        group.MapPost("/routing-rules", async Task<Results<Created<RoutingRuleDto>, ValidationProblem, ProblemHttpResult>> (SaveRoutingRuleCommand command, RoutingRulesHandler handler, CancellationToken ct) =>
                (await handler.SaveAsync(null, command, ct)).ToCreated(rule => $"/api/v1/helpdesk/routing-rules/{rule.Id}", rule => rule))
            .WithSummary("Add a routing rule. Empty conditions match every ticket; at least one action is required.");
        group.MapPut("/routing-rules/{id:int}", async Task<Results<Ok<RoutingRuleDto>, ValidationProblem, ProblemHttpResult>> (int id, SaveRoutingRuleCommand command, RoutingRulesHandler handler, CancellationToken ct) =>
                (await handler.SaveAsync(id, command, ct)).ToOk())
            .WithSummary("Replace a routing rule.");
        group.MapDelete("/routing-rules/{id:int}", async Task<Results<NoContent, NotFound>> (int id, RoutingRulesHandler handler, CancellationToken ct) =>
                await handler.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("Delete a routing rule.");
        group.MapPost("/routing-rules/simulate", async Task<Results<Ok<SimulatedRouting>, ValidationProblem, ProblemHttpResult>> (SimulateRoutingCommand command, RoutingRulesHandler handler, CancellationToken ct) =>
                (await handler.SimulateAsync(command, ct)).ToOk())
            .WithSummary("Which rules would fire for a sample ticket, and where it would go. Changes nothing.");
        return group;
    }
}
