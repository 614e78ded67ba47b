using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.Requests.OpenTicket;

/// <summary>
/// A technician enters a request for someone else: a phone call, a walk-in, or a person who stopped them at a site
/// (counted apart, so the help desk can see how much work bypasses it). The caller is found in the directory, or typed in.
/// </summary>
[Authorize(Policy = HelpdeskPermissions.Work)]
public sealed class TakeCallModel(
    OpenTicketHandler handler, ViewerFactory viewers, TicketChoicesLoader choices, IPeopleDirectory people, CallerTickets callerTickets) : PageModel
{
    public static IReadOnlyList<(TicketChannel Value, string Text)> Channels { get; } =
    [
        (TicketChannel.Phone, "Phone call"),
        (TicketChannel.WalkIn, "Walk-in"),
        (TicketChannel.DirectToTechnician, "Stopped me at a site"),
    ];

    [BindProperty(SupportsGet = true)]
    public string? Caller { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Person { get; set; }

    /// <summary>The match the technician picked from the look-up's list.</summary>
    [BindProperty]
    public Guid? Choose { get; set; }

    [BindProperty]
    public bool ClearCaller { get; set; }

    [BindProperty]
    public IntakeForm Input { get; set; } = new();

    public bool LookedUp { get; private set; }

    public IReadOnlyList<PersonSummary> Matches { get; private set; } = [];

    public PersonSummary? Chosen { get; private set; }

    public IReadOnlyList<CallerTicket> CallerTickets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Person is { } personId)
        {
            await ChooseAsync(personId, setSite: true, cancellationToken);
        }
        else
        {
            await LookUpAsync(cancellationToken);
        }

        await LoadChoicesAsync(cancellationToken);
    }

    /// <summary>The look-up, the pick of a match and "change caller" post the whole form and show it again with everything typed.</summary>
    public async Task<IActionResult> OnPostLookupAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (ClearCaller)
        {
            Input.RequesterPersonId = null;
        }

        if ((Choose ?? Input.RequesterPersonId) is { } personId)
        {
            await ChooseAsync(personId, setSite: Input.SiteId is null, cancellationToken);
        }
        else
        {
            await LookUpAsync(cancellationToken);
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.RequesterPersonId is null && string.IsNullOrWhiteSpace(Input.RequesterName))
        {
            ModelState.AddModelError("Input.RequesterName", "Find the caller in the directory, or type their name.");
        }

        if (ModelState.IsValid)
        {
            var command = Input.ToCommand(Input.Channel, Input.RequesterPersonId, Input.RequesterPersonId is null ? Input.RequesterName : null,
                Input.RequesterPersonId is null ? Input.RequesterEmail : null);
            var result = await handler.HandleAsync(command, await viewers.ForAsync(User, cancellationToken), DirectoryReader.Of(HttpContext), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Saved"] = "Ticket opened.";
                return Redirect($"/helpdesk/tickets/{Uri.EscapeDataString(result.Value!.Number)}");
            }

            if (this.Refuse(result.Failure) is { } refused)
            {
                return refused;
            }
        }

        // Looked up only to show the form again, so a ticket opened for a student is one access-log row, not two.
        if (Input.RequesterPersonId is { } personId)
        {
            Chosen = await people.FindAsync(personId, DirectoryReader.Of(HttpContext), cancellationToken);
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LookUpAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Caller))
        {
            LookedUp = true;
            Matches = await people.SearchAsync(Caller, DirectoryReader.Of(HttpContext), 20, cancellationToken);
        }
    }

    private async Task ChooseAsync(Guid personId, bool setSite, CancellationToken cancellationToken)
    {
        Chosen = await people.FindAsync(personId, DirectoryReader.Of(HttpContext), cancellationToken);
        if (Chosen is null)
        {
            Input.RequesterPersonId = null;
            return;
        }

        Input.RequesterPersonId = Chosen.Id;
        if (setSite)
        {
            Input.SiteId = Chosen.PrimarySiteId;
        }

        CallerTickets = await callerTickets.OpenAsync(Chosen.Id, await viewers.ForAsync(User, cancellationToken), cancellationToken);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        ViewData[TicketChoices.Key] = await choices.LoadAsync(cancellationToken);
}

public sealed class IntakeForm : TicketForm
{
    public TicketChannel Channel { get; set; } = TicketChannel.Phone;

    public Guid? RequesterPersonId { get; set; }

    [Display(Name = "Caller's name")]
    [StringLength(Ticket.NameMaxLength, ErrorMessage = "The name can be at most {1} characters.")]
    public string? RequesterName { get; set; }

    [Display(Name = "Caller's email")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    public string? RequesterEmail { get; set; }
}
