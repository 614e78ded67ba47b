using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Helpdesk.Requests.OpenTicket;

/// <summary>A staff member reports a problem for themselves, from a phone or a desk: the web channel.</summary>
[Authorize(Policy = HelpdeskPermissions.Request)]
public sealed class NewModel(OpenTicketHandler handler, ViewerFactory viewers, TicketChoicesLoader choices) : PageModel
{
    [BindProperty]
    public TicketForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.SiteId = await choices.HomeSiteAsync(DirectoryReader.Of(HttpContext), cancellationToken);
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(Input.ToCommand(), await viewers.ForAsync(User, cancellationToken), DirectoryReader.Of(HttpContext), cancellationToken);
            if (result.Succeeded)
            {
                return Redirect($"/helpdesk/requests/{result.Value!.Number}");
            }

            if (this.Refuse(result.Failure) is { } refused)
            {
                return refused;
            }
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        ViewData[TicketChoices.Key] = await choices.LoadAsync(cancellationToken);
}
