using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

public sealed record TicketProblem(long Id, string Number, string Title, string Status, string? Workaround);

/// <summary>On the ticket page: the problem the ticket is part of, with its workaround for the technician.</summary>
public sealed class TicketProblemViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long ticketId)
    {
        var problem = await db.Set<Ticket>().AsNoTracking().Where(t => t.Id == ticketId && t.ProblemId != null)
            .Join(db.Set<Problem>(), t => t.ProblemId, p => p.Id, (t, p) => new { p.Id, p.Title, p.Status, p.Workaround })
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        return problem is null
            ? Content("")
            : View("/Modules/Helpdesk/Tickets/_TicketProblem.cshtml", new TicketProblem(problem.Id, ProblemNumber.Format(problem.Id), problem.Title, problem.Status.ToString(), problem.Workaround));
    }
}
