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
public sealed class TakeCallModel(OpenTicketHandler handler, ViewerFactory viewers, TicketChoicesLoader choices, IPeopleDirectory people) : PageModel
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

    [BindProperty(SupportsGet = true)]
    public string? Opened { get; set; }

    [BindProperty]
    public IntakeForm Input { get; set; } = new();

    public IReadOnlyList<PersonSummary> Matches { get; private set; } = [];

    public PersonSummary? Chosen { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Caller))
        {
            Matches = await people.SearchStaffAsync(Caller, 20, cancellationToken);
        }

        if (Person is { } personId && await people.FindAsync(personId, DirectoryReader.Of(HttpContext), cancellationToken) is { } chosen)
        {
            Chosen = chosen;
            Input.RequesterPersonId = chosen.Id;
            Input.SiteId = chosen.PrimarySiteId;
        }

        await LoadChoicesAsync(cancellationToken);
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
                return Redirect($"/helpdesk/intake?opened={Uri.EscapeDataString(result.Value!.Number)}");
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

    private async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        ViewData[TicketChoices.Key] = await choices.LoadAsync(cancellationToken);
}

public sealed class IntakeForm : TicketForm
{
    public TicketChannel Channel { get; set; } = TicketChannel.Phone;

    public Guid? RequesterPersonId { get; set; }

    [Display(Name = "Caller's name")]
    [StringLength(255, ErrorMessage = "The name can be at most 255 characters.")]
    public string? RequesterName { get; set; }

    [Display(Name = "Caller's email")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    public string? RequesterEmail { get; set; }
}
