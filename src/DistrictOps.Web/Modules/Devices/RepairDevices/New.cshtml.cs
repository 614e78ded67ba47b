using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.RepairDevices;

/// <summary>
/// Opens a repair; the device page links here with <c>?device=TAG</c> and the help desk ticket page with
/// <c>?ticket=NUMBER</c> (the device then comes from the ticket's asset tag and the problem from its title).
/// </summary>
[Authorize(Policy = DevicesPermissions.Assign)]
public sealed class NewModel(RepairDevicesHandler handler, IDeviceTickets tickets, PermissionRegistry permissions) : PageModel
{
    [BindProperty]
    public RepairForm Input { get; set; } = new();

    public DeviceTicket? Ticket { get; private set; }

    public DeviceFacts? Device { get; private set; }

    /// <summary>What the query string named that could not be found, said above the form.</summary>
    public IReadOnlyList<string> Missing { get; private set; } = [];

    public async Task OnGetAsync(string? device, string? ticket, CancellationToken cancellationToken)
    {
        Input = new RepairForm { Device = device?.Trim(), Ticket = ticket?.Trim() };
        var missing = new List<string>();
        if (!string.IsNullOrWhiteSpace(ticket))
        {
            Ticket = await tickets.FindAsync(ticket, User, cancellationToken);
            if (Ticket is null)
            {
                missing.Add($"There is no ticket {ticket.Trim()} that you can see.");
            }
            else
            {
                (Input.Ticket, Input.Device, Input.Problem) = (Ticket.Number, Input.Device ?? Ticket.AssetTag, Ticket.Title);
            }
        }

        await LoadAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Input.Device) && Device is null)
        {
            missing.Add($"No device has the tag or serial {Input.Device}.");
        }

        Missing = missing;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var opened = await handler.OpenAsync(Input.ToCommand(), DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions), cancellationToken);
        if (opened.Succeeded)
        {
            TempData["Saved"] = $"Repair {opened.Value.Id} opened; {opened.Value.AssetTag} is in repair.";
            return Redirect($"/devices/repairs/{opened.Value.Id}");
        }

        if (this.Refuse(opened.Failure) is { } refused)
        {
            return refused;
        }

        if (!string.IsNullOrWhiteSpace(Input.Ticket))
        {
            Ticket = await tickets.FindAsync(Input.Ticket, User, cancellationToken);
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = opened.Failure.Kind == Platform.OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    public IEnumerable<string> ErrorsFor(string field) => PageOutcomes.ErrorsFor(this, "Input." + field);

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Device = string.IsNullOrWhiteSpace(Input.Device) ? null
            : await handler.DeviceAsync(Input.Device, DeviceUser.Of(HttpContext, DevicesPermissions.Assign, permissions), cancellationToken);
}
