using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Work.WorkTicket;

/// <summary>
/// The technician's view of one ticket: facts, timeline, one composer for the reply and the field changes, and every other
/// action in forms that work without script. The composer's own buttons (assign to me, fill from a macro, insert an article
/// link) post the draft with them and show it again, so nothing typed is lost.
/// </summary>
[Authorize(Policy = HelpdeskPermissions.Work)]
public sealed class IndexModel(
    AppDbContext db,
    ViewerFactory viewers,
    ViewTicketHandler view,
    IUserDirectory users,
    IEnumerable<IArticleLinks> articleLinks,
    IEnumerable<ITicketDeviceLinks> deviceLinks,
    IEnumerable<ITicketPersonLinks> personLinks,
    IOptions<HelpdeskOptions> options) : PageModel
{
    public TicketDetail Ticket { get; private set; } = null!;

    public IReadOnlyList<Team> Teams { get; private set; } = [];

    public IReadOnlyList<IssueType> IssueTypes { get; private set; } = [];

    public IReadOnlyList<Macro> Macros { get; private set; } = [];

    public IReadOnlyList<UserSummary> Technicians { get; private set; } = [];

    public IReadOnlyList<ArticleLink> Articles { get; private set; } = [];

    /// <summary>The ticket's device and what may be done about it in the device register, when there is one.</summary>
    public TicketDeviceLinks Device { get; private set; } = new(null, []);

    /// <summary>What may be done about the requester or another person from the ticket in other modules (reset a directory password).</summary>
    public IReadOnlyList<TicketLink> PersonLinks { get; private set; } = [];

    /// <summary>Whether a knowledge base is there to write an article from the ticket in.</summary>
    public bool HasKnowledgeBase => articleLinks.Any();

    public Guid? CurrentUserId => User.UserId();

    [BindProperty]
    public ComposerForm Draft { get; set; } = new();

    /// <summary>Which form failed, and why, when a post is refused.</summary>
    public (string Form, IReadOnlyList<string> Messages)? Refused { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    /// <summary>What an action answered on the page itself (the draft shown again), not carried to the next request as <see cref="Saved"/> is.</summary>
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostComposeAsync(string number, bool markSolved, [FromServices] ComposeHandler handler, CancellationToken ct)
    {
        var command = Draft.ToCommand(markSolved ? TicketStatus.Solved : Draft.Status);
        var saved = string.IsNullOrWhiteSpace(Draft.Body) ? "Ticket updated." : Draft.IsPublic ? "Reply sent." : "Note added.";
        return RunAsync(number, "compose", (id, viewer) => handler.HandleAsync(id, command, viewer, ct), saved, ct);
    }

    public Task<IActionResult> OnPostUpdateAsync(string number, UpdateForm form, [FromServices] UpdateTicketHandler handler, CancellationToken ct) =>
        RunAsync(number, "update", (id, viewer) => handler.HandleAsync(id, form.ToCommand(), viewer, ct), "Ticket updated.", ct);

    public async Task<IActionResult> OnPostAssignToMeAsync(string number, [FromServices] UpdateTicketHandler handler, CancellationToken ct)
    {
        if (TicketNumber.Parse(number, options.Value.NumberPrefix) is not { } id)
        {
            return NotFound();
        }

        var result = await handler.HandleAsync(id, new UpdateTicketCommand(AssignToMe: true), await viewers.ForAsync(User, ct), ct);
        if (!result.Succeeded)
        {
            return await RefusedAsync(number, "compose", result.Failure, ct);
        }

        Notice = "Assigned to you.";
        Draft.AssigneeUserId = null;
        return await ShowDraftAsync(number, ct);
    }

    /// <summary>A macro fills the composer for review; nothing is sent until the technician sends it.</summary>
    public async Task<IActionResult> OnPostFillMacroAsync(string number, int macroId, CancellationToken ct)
    {
        var macro = await db.Set<Macro>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == macroId && m.Active, ct);
        if (macro is null)
        {
            return await RefuseAsync(number, "compose", [$"There is no active macro {macroId}."], ct);
        }

        Draft.Fill(macro);
        Notice = "The macro filled the composer: review it, then send.";
        return await ShowDraftAsync(number, ct);
    }

    public async Task<IActionResult> OnPostInsertArticleAsync(string number, string? articleUrl, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct))
        {
            return NotFound();
        }

        if (Articles.FirstOrDefault(a => a.Url == articleUrl) is not { } article)
        {
            return await RefuseAsync(number, "compose", ["Choose one of the suggested articles."], ct);
        }

        Draft.Body = string.IsNullOrWhiteSpace(Draft.Body) ? $"{article.Title}: {article.Url}" : $"{Draft.Body.TrimEnd()}\n\n{article.Title}: {article.Url}";
        return Page();
    }

    public Task<IActionResult> OnPostEscalateAsync(
        string number, string? reason, int? teamId, bool tellRequester, [FromServices] EscalateHandler handler, CancellationToken ct) =>
        RunAsync(number, "escalate", (id, viewer) => handler.HandleAsync(id, new EscalateCommand(reason, teamId, tellRequester), viewer, ct), "Escalated.", ct);

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

        return await RefusedAsync(number, form, result.Failure, ct);
    }

    private async Task<IActionResult> RefusedAsync(string number, string form, Failure failure, CancellationToken ct)
    {
        if (failure.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        // A macro or ticket named in the form that is gone is told beside the form; the ticket itself gone is a 404 (LoadAsync).
        db.ChangeTracker.Clear();
        return await RefuseAsync(number, form, failure.Messages, ct);
    }

    /// <summary>Shows the page with the draft as posted, after an action taken from inside the composer.</summary>
    private async Task<IActionResult> ShowDraftAsync(string number, CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(number, ct) ? Page() : NotFound();
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
        foreach (var source in articleLinks)
        {
            Articles = [.. Articles, .. await source.SuggestAsync(ticket.Title, ticket.IssueTypeId, cancellationToken)];
        }

        if (deviceLinks.FirstOrDefault() is { } register)
        {
            Device = await register.ForTicketAsync(ticket.Number, ticket.AssetTag, ticket.SiteId, User, cancellationToken);
        }

        foreach (var source in personLinks)
        {
            PersonLinks = [.. PersonLinks, .. await source.ForTicketAsync(ticket.Number, ticket.RequesterPersonId, User, cancellationToken)];
        }

        return true;
    }

    /// <summary>The classification form: blank fields are left as they are. Status, priority, team and assignee are in the composer.</summary>
    public sealed class UpdateForm
    {
        public int? IssueTypeId { get; set; }

        public TicketImpact? Impact { get; set; }

        public TicketUrgency? Urgency { get; set; }

        public string? Room { get; set; }

        public string? AssetTag { get; set; }

        public string? AddTags { get; set; }

        public UpdateTicketCommand ToCommand() =>
            new(IssueTypeId: IssueTypeId, Impact: Impact, Urgency: Urgency, Room: Room ?? "", AssetTag: AssetTag ?? "", AddTags: AddTags);
    }

    /// <summary>The composer as posted: kept across the actions taken from inside it.</summary>
    public sealed class ComposerForm
    {
        public string? Body { get; set; }

        public bool IsPublic { get; set; } = true;

        public int? Minutes { get; set; }

        public TicketStatus? Status { get; set; }

        public int? Priority { get; set; }

        public Guid? AssigneeUserId { get; set; }

        public int? TeamId { get; set; }

        /// <summary>Set only by a macro, shown beside the composer and applied on send.</summary>
        public int? IssueTypeId { get; set; }

        public string? AddTags { get; set; }

        public void Fill(Macro macro)
        {
            Body = string.IsNullOrWhiteSpace(Body) ? macro.Body : $"{Body.TrimEnd()}\n\n{macro.Body}";
            IsPublic = macro.IsPublic;
            Status = macro.SetStatus ?? Status;
            Priority = macro.SetPriority ?? Priority;
            TeamId = macro.SetTeamId ?? TeamId;
            IssueTypeId = macro.SetIssueTypeId ?? IssueTypeId;
            AddTags = string.Join(' ', new[] { AddTags, macro.AddTags }.Where(t => !string.IsNullOrWhiteSpace(t)));
        }

        public ComposeCommand ToCommand(TicketStatus? status) =>
            new(Body, IsPublic, Minutes, status, Priority, AssigneeUserId, TeamId, IssueTypeId, string.IsNullOrWhiteSpace(AddTags) ? null : AddTags);
    }
}
