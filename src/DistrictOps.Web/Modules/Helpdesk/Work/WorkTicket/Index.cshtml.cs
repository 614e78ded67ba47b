using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Work.WorkTicket;

/// <summary>The technician's view of one ticket: facts, timeline, and every action in forms that work without script.</summary>
[Authorize(Policy = HelpdeskPermissions.Work)]
public sealed class IndexModel(
    AppDbContext db,
    ViewerFactory viewers,
    ViewTicketHandler view,
    IUserDirectory users,
    IOptions<HelpdeskOptions> options) : PageModel
{
    public TicketDetail Ticket { get; private set; } = null!;

    public IReadOnlyList<Team> Teams { get; private set; } = [];

    public IReadOnlyList<IssueType> IssueTypes { get; private set; } = [];

    public IReadOnlyList<Macro> Macros { get; private set; } = [];

    public IReadOnlyList<UserSummary> Technicians { get; private set; } = [];

    /// <summary>Which form failed, and why, when a post is refused.</summary>
    public (string Form, IReadOnlyList<string> Messages)? Refused { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCommentAsync(string number, string? body, bool isPublic, int? minutes, [FromServices] CommentHandler handler, CancellationToken ct) =>
        RunAsync(number, "comment", (id, viewer) => handler.HandleAsync(id, new CommentCommand(body, isPublic, minutes), viewer, ct), isPublic ? "Reply sent." : "Note added.", ct);

    public Task<IActionResult> OnPostUpdateAsync(string number, UpdateForm form, [FromServices] UpdateTicketHandler handler, CancellationToken ct) =>
        RunAsync(number, "update", (id, viewer) => handler.HandleAsync(id, form.ToCommand(), viewer, ct), "Ticket updated.", ct);

    public Task<IActionResult> OnPostAssignToMeAsync(string number, [FromServices] UpdateTicketHandler handler, CancellationToken ct) =>
        RunAsync(number, "update", (id, viewer) => handler.HandleAsync(id, new UpdateTicketCommand(AssignToMe: true), viewer, ct), "Assigned to you.", ct);

    public Task<IActionResult> OnPostEscalateAsync(string number, string? reason, int? teamId, [FromServices] EscalateHandler handler, CancellationToken ct) =>
        RunAsync(number, "escalate", (id, viewer) => handler.HandleAsync(id, new EscalateCommand(reason, teamId), viewer, ct), "Escalated.", ct);

    public Task<IActionResult> OnPostMacroAsync(string number, int macroId, [FromServices] ApplyMacroHandler handler, CancellationToken ct) =>
        RunAsync(number, "macro", (id, viewer) => handler.HandleAsync(id, macroId, viewer, ct), "Macro applied.", ct);

    public Task<IActionResult> OnPostMergeAsync(string number, string? into, [FromServices] MergeHandler handler, CancellationToken ct) =>
        RunAsync(number, "merge", (id, viewer) => handler.HandleAsync(id, into, viewer, ct), "Merged.", ct);

    public Task<IActionResult> OnPostReopenAsync(string number, string? reason, [FromServices] ReopenHandler handler, CancellationToken ct) =>
        RunAsync(number, "update", (id, viewer) => handler.HandleAsync(id, reason, viewer, ct), "Reopened.", ct);

    public Task<IActionResult> OnPostInstructionRestoredAsync(string number, [FromServices] RestoreInstructionHandler handler, CancellationToken ct) =>
        RunAsync(number, "update", (id, viewer) => handler.HandleAsync(id, viewer, ct), "Instruction restored.", ct);

    public async Task<IActionResult> OnPostAttachAsync(string number, IFormFile? file, [FromServices] AttachFileHandler handler, CancellationToken ct)
    {
        if (file is null)
        {
            return await RefuseAsync(number, "attach", ["Choose a file to attach."], ct);
        }

        await using var stream = file.OpenReadStream();
        return await RunAsync(number, "attach", (id, viewer) => handler.HandleAsync(id, file.FileName, stream, viewer, ct), "File attached.", ct);
    }

    public async Task<IActionResult> OnGetAttachmentAsync(string number, long attachmentId, [FromServices] AttachFileHandler handler, CancellationToken ct) =>
        TicketNumber.Parse(number, options.Value.NumberPrefix) is { } id
        && await handler.ReadAsync(id, attachmentId, await viewers.ForAsync(User, ct), ct) is { } file
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();

    private async Task<IActionResult> RunAsync<T>(string number, string form, Func<long, Viewer, Task<Result<T>>> work, string saved, CancellationToken ct)
    {
        if (TicketNumber.Parse(number, options.Value.NumberPrefix) is not { } id)
        {
            return NotFound();
        }

        var result = await work(id, await viewers.ForAsync(User, ct));
        if (result.Succeeded)
        {
            Saved = saved;
            return RedirectToPage(new { number });
        }

        if (result.Failure.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        // A macro or ticket named in the form that is gone is told beside the form; the ticket itself gone is a 404 (LoadAsync).
        db.ChangeTracker.Clear();
        return await RefuseAsync(number, form, result.Failure.Messages, ct);
    }

    private async Task<IActionResult> RefuseAsync(string number, string form, IReadOnlyList<string> messages, CancellationToken ct)
    {
        Refused = (form, messages);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(number, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        if (TicketNumber.Parse(number, options.Value.NumberPrefix) is not { } id
            || await view.HandleAsync(id, await viewers.ForAsync(User, cancellationToken), DirectoryReader.Of(HttpContext), cancellationToken) is not { } ticket)
        {
            return false;
        }

        Ticket = ticket;
        Teams = await db.TeamsByTierAsync(cancellationToken);
        IssueTypes = await db.ActiveIssueTypesAsync(cancellationToken);
        Macros = await db.Set<Macro>().AsNoTracking().Where(m => m.Active).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        Technicians = await users.TechniciansAsync(cancellationToken);
        return true;
    }

    /// <summary>The update form: blank fields are left as they are.</summary>
    public sealed class UpdateForm
    {
        public TicketStatus? Status { get; set; }

        public int? TeamId { get; set; }

        public Guid? AssigneeUserId { get; set; }

        public int? IssueTypeId { get; set; }

        public TicketImpact? Impact { get; set; }

        public TicketUrgency? Urgency { get; set; }

        public int? Priority { get; set; }

        public string? Room { get; set; }

        public string? AssetTag { get; set; }

        public string? AddTags { get; set; }

        public UpdateTicketCommand ToCommand() =>
            new(Status, TeamId, AssigneeUserId, IssueTypeId: IssueTypeId, Impact: Impact, Urgency: Urgency, Priority: Priority, Room: Room ?? "", AssetTag: AssetTag ?? "", AddTags: AddTags);
    }
}
