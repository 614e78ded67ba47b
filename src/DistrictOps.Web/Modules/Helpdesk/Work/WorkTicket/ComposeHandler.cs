using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.Web.Modules.Helpdesk.Work.WorkTicket;

/// <summary>What the composer sends: a reply or note with time spent, and the fields to change with it; null leaves a field as it is.</summary>
public sealed record ComposeCommand(
    string? Body,
    bool IsPublic = true,
    int? Minutes = null,
    TicketStatus? Status = null,
    int? Priority = null,
    Guid? AssigneeUserId = null,
    int? TeamId = null,
    int? IssueTypeId = null,
    string? AddTags = null);

/// <summary>
/// The ticket page's one composer: the reply or note and the field changes are applied together or not at all, each change
/// stamped once on the timeline. The fields change before the reply, so "send and mark Solved" on a new ticket moves it
/// New → Solved once instead of New → Open → Solved; a reply to a ticket being closed goes first, as a closed ticket takes none.
/// </summary>
public sealed class ComposeHandler(AppDbContext db, UpdateTicketHandler update, CommentHandler comment)
{
    public async Task<Result<TicketChanged>> HandleAsync(long id, ComposeCommand command, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var writes = !string.IsNullOrWhiteSpace(command.Body) || command.Minutes is not null;
        var changes = new UpdateTicketCommand(
            command.Status, command.TeamId, command.AssigneeUserId, IssueTypeId: command.IssueTypeId, Priority: command.Priority, AddTags: command.AddTags);
        var replyFirst = command.Status == TicketStatus.Closed;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = replyFirst && writes ? await ReplyAsync(id, command, viewer, cancellationToken) : await update.HandleAsync(id, changes, viewer, cancellationToken);
        if (outcome.Succeeded)
        {
            outcome = replyFirst && writes ? await update.HandleAsync(id, changes, viewer, cancellationToken)
                : writes ? await ReplyAsync(id, command, viewer, cancellationToken)
                : outcome.Value.Changed ? outcome
                : Result.Invalid(nameof(command.Body), "Write a reply or a note, or change a field.");
        }

        if (outcome.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    private Task<Result<TicketChanged>> ReplyAsync(long id, ComposeCommand command, Viewer viewer, CancellationToken cancellationToken) =>
        comment.HandleAsync(id, new CommentCommand(command.Body, command.IsPublic, command.Minutes), viewer, cancellationToken);
}
