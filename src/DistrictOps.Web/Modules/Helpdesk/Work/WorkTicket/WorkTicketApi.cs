using System.Security.Claims;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Work.WorkTicket;

public sealed record MergeCommand(string? Into);

public sealed record ReopenCommand(string? Reason);

public static class WorkTicketApi
{
    public static RouteGroupBuilder MapWorkTicketApi(this RouteGroupBuilder group)
    {
        group.MapPatch("/tickets/{number}", (string number, UpdateTicketCommand command, Context context, UpdateTicketHandler handler, CancellationToken ct) =>
                context.RunAsync(number, (id, viewer) => handler.HandleAsync(id, command, viewer, ct), ct))
            .WithSummary("Change status, team, assignee (or assignToMe / unassign), issue type, impact, urgency, priority, room, asset tag or tags.");
        group.MapPost("/tickets/{number}/comments", (string number, CommentCommand command, Context context, CommentHandler handler, CancellationToken ct) =>
                context.RunAsync(number, (id, viewer) => handler.HandleAsync(id, command, viewer, ct), ct))
            .WithSummary("A public reply (isPublic, the default) or an internal note, optionally with minutes spent.");
        group.MapPost("/tickets/{number}/escalate", (string number, EscalateCommand command, Context context, EscalateHandler handler, CancellationToken ct) =>
                context.RunAsync(number, (id, viewer) => handler.HandleAsync(id, command, viewer, ct), ct))
            .WithSummary("Escalate to the next tier (or a named higher-tier team) with a required reason.");
        group.MapPost("/tickets/{number}/reopen", (string number, ReopenCommand command, Context context, ReopenHandler handler, CancellationToken ct) =>
                context.RunAsync(number, (id, viewer) => handler.HandleAsync(id, command.Reason, viewer, ct), ct))
            .WithSummary("Reopen a solved or closed ticket within the reopen window.");
        group.MapPost("/tickets/{number}/merge", (string number, MergeCommand command, Context context, MergeHandler handler, CancellationToken ct) =>
                context.RunAsync(number, (id, viewer) => handler.HandleAsync(id, command.Into, viewer, ct), ct))
            .WithSummary("Merge this ticket, a duplicate, into another open ticket (into: its number).");
        group.MapPost("/tickets/{number}/macros/{macroId:int}", (string number, int macroId, Context context, ApplyMacroHandler handler, CancellationToken ct) =>
                context.RunAsync(number, (id, viewer) => handler.HandleAsync(id, macroId, viewer, ct), ct))
            .WithSummary("Apply a macro: its reply or note and the fields it sets.");
        group.MapPost("/tickets/bulk", async Task<Results<Ok<IReadOnlyList<TicketChanged>>, ValidationProblem, ProblemHttpResult>> (
                BulkUpdateCommand command, ClaimsPrincipal user, ViewerFactory viewers, UpdateTicketHandler handler, CancellationToken ct) =>
                (await handler.BulkAsync(command, await viewers.ForAsync(user, ct), ct)).ToOk())
            .WithSummary("Apply the same changes to up to 500 tickets: all of them, or none if any is refused.");
        group.MapPost("/tickets/{number}/attachments", async Task<IResult> (
                string number, IFormFile file, Context context, AttachFileHandler handler, CancellationToken ct) =>
            {
                if (await context.FindAsync(number, ct) is not { } found)
                {
                    return TypedResults.NotFound();
                }

                await using var stream = file.OpenReadStream();
                return (await handler.HandleAsync(found.Id, file.FileName, stream, found.Viewer, ct))
                    .ToCreated(attached => $"/api/v1/helpdesk/tickets/{number}/attachments/{attached.Id}", attached => attached);
            })
            .DisableAntiforgery()
            .WithSummary("Attach a picture or PDF (multipart field 'file'); the type is detected from the content.");
        group.MapGet("/tickets/{number}/attachments/{attachmentId:long}", async Task<IResult> (
                string number, long attachmentId, Context context, AttachFileHandler handler, CancellationToken ct) =>
                await context.FindAsync(number, ct) is { } found && await handler.ReadAsync(found.Id, attachmentId, found.Viewer, ct) is { } file
                    ? TypedResults.File(file.Content, file.ContentType, file.FileName)
                    : TypedResults.NotFound())
            .WithSummary("Download an attachment.");
        return group;
    }

    /// <summary>The signed-in viewer and the ticket number in the route, shared by every endpoint here.</summary>
    public sealed class Context(IHttpContextAccessor http, ViewerFactory viewers, IOptions<HelpdeskOptions> options)
    {
        public async Task<(long Id, Viewer Viewer)?> FindAsync(string number, CancellationToken ct) =>
            TicketNumber.Parse(number, options.Value.NumberPrefix) is { } id
                ? (id, await viewers.ForAsync(http.HttpContext!.User, ct))
                : null;

        public async Task<IResult> RunAsync<T>(string number, Func<long, Viewer, Task<Result<T>>> work, CancellationToken ct)
        {
            if (await FindAsync(number, ct) is not { } found)
            {
                return TypedResults.NotFound();
            }

            return (await work(found.Id, found.Viewer)).ToOk();
        }
    }
}
