using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Work.ViewTicket;

public static class ViewTicketApi
{
    public static RouteGroupBuilder MapViewTicketApi(this RouteGroupBuilder group)
    {
        group.MapGet("/tickets/{number}", async Task<Results<Ok<TicketDetail>, NotFound>> (
                string number, HttpContext context, ViewerFactory viewers, ViewTicketHandler handler, IOptions<HelpdeskOptions> options, CancellationToken ct) =>
                TicketNumber.Parse(number, options.Value.NumberPrefix) is { } id
                && await handler.HandleAsync(id, await viewers.ForAsync(context.User, ct), DirectoryReader.Of(context), ct) is { } ticket
                    ? TypedResults.Ok(ticket)
                    : TypedResults.NotFound())
            .WithSummary("One ticket by its number (BV-000123), with its timeline. Requesters see the public part; a student requester's name shown is written to the access log.");
        return group;
    }
}
