using System.Security.Claims;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Helpdesk.Problems.ManageProblems;

public static class ProblemsApi
{
    public static RouteGroupBuilder MapProblemsApi(this RouteGroupBuilder group)
    {
        var problems = group.MapGroup("/problems").RequireAuthorization(HelpdeskPermissions.Work);
        problems.MapGet("/", async Task<Results<Ok<PagedResult<ProblemRow>>, ValidationProblem, ProblemHttpResult>> (string? status, HttpRequest request, ProblemsHandler handler, CancellationToken ct) =>
                (await QueryReader.ReadPaging(request.Query).ThenAsync(page => handler.ListAsync(status, page, ct))).ToOk())
            .WithSummary("Problem records, most recently changed first; status filters (Open, KnownError, Resolved, Closed).");
        problems.MapPost("/", async (SaveProblemCommand command, ClaimsPrincipal user, ViewerFactory viewers, ProblemsHandler handler, CancellationToken ct) =>
                Respond(await handler.CreateAsync(command, await viewers.ForAsync(user, ct), ct), created: true))
            .WithSummary("Open a problem record: title, root cause, workaround, status, and the issue type, device model and site it is about.");
        problems.MapGet("/{id:long}", async Task<Results<Ok<ProblemDetail>, NotFound>> (long id, ClaimsPrincipal user, ViewerFactory viewers, ProblemsHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, await viewers.ForAsync(user, ct), ct) is { } problem ? TypedResults.Ok(problem) : TypedResults.NotFound())
            .WithSummary("One problem with the numbers of its linked tickets the caller may see; the others are only counted (hiddenTickets).");
        problems.MapPut("/{id:long}", async (long id, SaveProblemCommand command, ClaimsPrincipal user, ViewerFactory viewers, ProblemsHandler handler, CancellationToken ct) =>
                Respond(await handler.UpdateAsync(id, command, partial: false, await viewers.ForAsync(user, ct), ct)))
            .WithSummary("Replace a problem's fields. Moving to Resolved or Closed sets resolvedAt.");
        problems.MapPatch("/{id:long}", async (long id, SaveProblemCommand command, ClaimsPrincipal user, ViewerFactory viewers, ProblemsHandler handler, CancellationToken ct) =>
                Respond(await handler.UpdateAsync(id, command, partial: true, await viewers.ForAsync(user, ct), ct)))
            .WithSummary("Change the fields given (status, root cause, workaround, …); the others stay.");
        problems.MapPost("/{id:long}/tickets", async (long id, LinkTicketCommand command, ClaimsPrincipal user, ViewerFactory viewers, ProblemsHandler handler, CancellationToken ct) =>
                Respond(await handler.LinkAsync(id, command.Number, await viewers.ForAsync(user, ct), ct)))
            .WithSummary("Link a ticket by its number (an internal ProblemLinked event on the ticket); linking again changes nothing.");
        problems.MapDelete("/{id:long}/tickets/{number}", async (long id, string number, ClaimsPrincipal user, ViewerFactory viewers, ProblemsHandler handler, CancellationToken ct) =>
                Respond(await handler.UnlinkAsync(id, number, await viewers.ForAsync(user, ct), ct)))
            .WithSummary("Unlink a ticket from the problem (an internal event on the ticket).");
        return group;
    }

    private static IResult Respond(Result<ProblemDetail> result, bool created = false) =>
        created ? result.ToCreated(problem => $"/api/v1/helpdesk/problems/{problem.Id}", problem => problem) : result.ToOk();
}
