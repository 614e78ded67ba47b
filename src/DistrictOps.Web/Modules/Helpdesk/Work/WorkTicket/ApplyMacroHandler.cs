using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Work.WorkTicket;

/// <summary>A canned reply or note, plus the fields it sets, applied together or not at all.</summary>
public sealed class ApplyMacroHandler(AppDbContext db, CommentHandler comment, UpdateTicketHandler update)
{
    public async Task<Result<TicketChanged>> HandleAsync(long id, int macroId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var macro = await db.Set<Macro>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == macroId && m.Active, cancellationToken);
        if (macro is null)
        {
            return Result.NotFound($"There is no active macro {macroId}.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changes = new UpdateTicketCommand(Status: macro.SetStatus, TeamId: macro.SetTeamId, IssueTypeId: macro.SetIssueTypeId, Priority: macro.SetPriority, AddTags: macro.AddTags);
        var updated = await update.HandleAsync(id, changes, viewer, cancellationToken);
        if (!updated.Succeeded)
        {
            return updated;
        }

        var commented = await comment.HandleAsync(id, new CommentCommand(macro.Body, macro.IsPublic), viewer, cancellationToken);
        if (!commented.Succeeded)
        {
            return commented;
        }

        await transaction.CommitAsync(cancellationToken);
        return commented;
    }
}
