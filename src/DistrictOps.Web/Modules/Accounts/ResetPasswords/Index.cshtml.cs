using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Accounts.ResetPasswords;

/// <summary>
/// A help desk password reset from a ticket: find the staff member, see their accounts, tick how the caller was verified,
/// reset. The answer shows the new password once and is never cached; a refresh or a second click sends the same request
/// id, which resets nothing again.
/// </summary>
[Authorize(Policy = AccountsPermissions.Reset)]
public sealed class IndexModel(ResetPasswordHandler handler) : PageModel
{
    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public NotedTicket? Ticket { get; private set; }

    public string? TicketProblem { get; private set; }

    public ResetSubject? Subject { get; private set; }

    /// <summary>Why this person's password is not reset here (a student, more access than the user's), shown instead of the form.</summary>
    public string? Refusal { get; private set; }

    public string? Query { get; private set; }

    public IReadOnlyList<ResetCandidate>? Candidates { get; private set; }

    public PasswordReset? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        NoStore();
        var query = new QueryReader(Request.Query);
        Input.Ticket = query.Text("ticket", 32);
        Input.PersonId = query.Id("person", "a person id");
        Query = query.Text("q", 100);
        ModelState.AddHandlerErrors(query.Errors.ToDictionary(), prefix: "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        NoStore();
        var result = await handler.ResetAsync(Input.ToCommand(), User, DirectoryReader.Of(HttpContext), cancellationToken);
        if (result.Succeeded)
        {
            Done = result.Value;
            await LoadTicketAsync(cancellationToken);
            return Page();
        }

        if (this.RefuseOnPage(result.Failure) is { } ended)
        {
            return ended;
        }

        if (result.Failure.Kind == Platform.OutcomeKind.Invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (result.Failure.Kind == Platform.OutcomeKind.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        // Sending the form again is a new attempt: whatever this one claimed stays claimed.
        Input.RequestId = Guid.NewGuid();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public IEnumerable<string> ErrorsFor(string key) => PageOutcomes.ErrorsFor(this, key);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await LoadTicketAsync(cancellationToken);
        if (Input.PersonId is { } person)
        {
            var subject = await handler.SubjectAsync(person, User, DirectoryReader.Of(HttpContext), cancellationToken);
            (Subject, Refusal) = (subject.Value, subject.Failure?.Message);
            Input.Target ??= Subject?.Accounts.Where(a => a.OverLdaps && !a.Disabled).Select(a => a.Target).FirstOrDefault();
        }
        else if (!string.IsNullOrWhiteSpace(Query))
        {
            Candidates = await handler.SearchAsync(Query, DirectoryReader.Of(HttpContext), cancellationToken);
        }
    }

    private async Task LoadTicketAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Input.Ticket))
        {
            var ticket = await handler.TicketAsync(Input.Ticket, User, cancellationToken);
            (Ticket, TicketProblem) = (ticket.Value, ticket.Failure?.Message);
        }
    }

    private void NoStore() => Response.Headers.CacheControl = "no-store";
}

/// <summary>The reset form; <see cref="ResetPasswordHandler"/> checks it.</summary>
public sealed class ResetInput
{
    [Display(Name = "Ticket")]
    public string? Ticket { get; set; }

    public Guid? PersonId { get; set; }

    public string? Target { get; set; }

    [Display(Name = "Employee ID they gave")]
    public string? EmployeeId { get; set; }

    public List<string> Checks { get; set; } = [];

    [Display(Name = "Why the password is reset")]
    public string? Reason { get; set; }

    public Guid RequestId { get; set; } = Guid.NewGuid();

    public ResetPasswordCommand ToCommand() => new(Ticket, PersonId, Target, EmployeeId, Checks, Reason, RequestId);
}
