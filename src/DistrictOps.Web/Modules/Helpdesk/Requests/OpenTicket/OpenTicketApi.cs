using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DistrictOps.Web.Modules.Helpdesk.Requests.OpenTicket;

public static class OpenTicketApi
{
    public static RouteGroupBuilder MapOpenTicketApi(this RouteGroupBuilder group)
    {
        group.MapPost("/tickets", async Task<Results<Created<OpenedTicket>, ValidationProblem, ProblemHttpResult>> (
                OpenTicketCommand command, HttpContext context, ViewerFactory viewers, OpenTicketHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(command, await viewers.ForAsync(context.User, ct), DirectoryReader.Of(context), ct))
                    .ToCreated(opened => $"/api/v1/helpdesk/tickets/{opened.Number}", opened => opened))
            .WithSummary("Open a ticket. Without a requester it is the caller's own; technicians may give a requester and a channel (Phone, WalkIn, DirectToTechnician).");
        return group;
    }
}
