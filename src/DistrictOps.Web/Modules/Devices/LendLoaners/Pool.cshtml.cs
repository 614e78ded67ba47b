using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Devices.LendLoaners;

/// <summary>
/// One loaner pool: lend from a ticket (the borrower defaults to its requester, the device to the first available, the due
/// date to the pool's loan days), the site's tickets waiting for a loaner, the loans out with their returns, and its devices.
/// </summary>
[Authorize(Policy = DevicesPermissions.Read)]
public sealed class PoolModel(LendLoanersHandler handler, IDeviceTickets tickets, PermissionRegistry permissions, DistrictTime time) : PageModel
{
    public PoolDetail Detail { get; private set; } = null!;

    public bool Lends { get; private set; }

    public bool Manages { get; private set; }

    /// <summary>The ticket the lend form is for, when the page was opened from one (<c>?ticket=</c>).</summary>
    public DeviceTicket? ForTicket { get; private set; }

    public LendForm Lend { get; private set; } = new();

    public string? Tags { get; private set; }

    /// <summary>Which form failed, and why, when a post is refused.</summary>
    public (string Form, IReadOnlyList<string> Messages)? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid poolId, string? ticket, CancellationToken cancellationToken)
    {
        Lend = new LendForm { Ticket = ticket };
        return await LoadAsync(poolId, cancellationToken);
    }

    public async Task<IActionResult> OnPostLendAsync(Guid poolId, LendForm form, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Assign))
        {
            return Forbid();
        }

        var due = form.Due();
        var lent = due.Succeeded
            ? await handler.LendAsync(poolId, new Lend(form.Ticket, form.Borrower, null, form.Device, due.Value), Acting(DevicesPermissions.Assign), cancellationToken)
            : due.Failure;
        if (lent.Succeeded)
        {
            var loan = lent.Value;
            var message = $"{loan.AssetTag} lent to {loan.HolderName}, due back {loan.DueOn:yyyy-MM-dd}."
                + (loan.TicketNoted ? $" {loan.TicketNumber} notes the loaner." : "");
            TempData["Saved"] = string.Join(" ", new[] { message }.Concat(loan.Warnings));
            return Redirect($"/devices/loaners/{poolId}");
        }

        Lend = form;
        return await RefusedAsync(poolId, "lend", lent.Failure, cancellationToken);
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid poolId, string? device, Condition condition, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Assign))
        {
            return Forbid();
        }

        var back = await handler.ReturnAsync(poolId, new ReturnLoan(device, condition), Acting(DevicesPermissions.Assign), cancellationToken);
        if (back.Succeeded)
        {
            TempData["Saved"] = string.Join(" ", new[] { $"{back.Value.AssetTag} is back in the pool." }.Concat(back.Value.Warnings));
            return Redirect($"/devices/loaners/{poolId}");
        }

        return await RefusedAsync(poolId, "return", back.Failure, cancellationToken);
    }

    public async Task<IActionResult> OnPostDevicesAsync(Guid poolId, string? tags, bool remove, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, DevicesPermissions.Manage))
        {
            return Forbid();
        }

        var list = tags is null ? [] : new[] { tags };
        var changed = await handler.ChangeDevicesAsync(poolId, new ChangePoolDevices(remove ? [] : list, remove ? list : []), Acting(DevicesPermissions.Manage), cancellationToken);
        if (changed.Succeeded)
        {
            var (added, removed, unchanged) = (changed.Value.Added, changed.Value.Removed, changed.Value.Unchanged);
            TempData["Saved"] = remove ? $"{removed} removed from the pool; {unchanged} already out of it." : $"{added} added to the pool; {unchanged} already in it.";
            return Redirect($"/devices/loaners/{poolId}#devices");
        }

        Tags = tags;
        return await RefusedAsync(poolId, "devices", changed.Failure, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(Guid poolId, string form, Failure failure, CancellationToken cancellationToken)
    {
        if (failure.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        Refused = (form, failure.Messages);
        var page = await LoadAsync(poolId, cancellationToken);
        Response.StatusCode = failure.Kind == OutcomeKind.NotFound && Detail is null ? StatusCodes.Status404NotFound
            : failure.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<IActionResult> LoadAsync(Guid poolId, CancellationToken cancellationToken)
    {
        var paging = QueryReader.ReadPaging(Request.Query);
        var detail = await handler.DetailAsync(poolId, Acting(DevicesPermissions.Read), paging.Succeeded ? paging.Value : new PageRequest(1, null), cancellationToken);
        if (!detail.Succeeded)
        {
            return NotFound();
        }

        Detail = detail.Value;
        Lends = permissions.Grants(User, DevicesPermissions.Assign);
        Manages = permissions.Grants(User, DevicesPermissions.Manage);
        if (Lends && !string.IsNullOrWhiteSpace(Lend.Ticket))
        {
            ForTicket = await tickets.FindAsync(Lend.Ticket, User, cancellationToken);
        }

        Lend.DueOn ??= time.Today.AddDays(Detail.Pool.LoanDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    private DeviceUser Acting(string permission) => DeviceUser.Of(HttpContext, permission, permissions);
}

/// <summary>The lend form as typed: the due date is text so that a bad one is named, not dropped.</summary>
public sealed class LendForm
{
    public string? Ticket { get; set; }

    public string? Borrower { get; set; }

    public string? Device { get; set; }

    public string? DueOn { get; set; }

    public Result<DateOnly?> Due()
    {
        if (string.IsNullOrWhiteSpace(DueOn))
        {
            return (DateOnly?)null;
        }

        return DateOnly.TryParseExact(DueOn.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : Result.Invalid("dueOn", $"Due date: expected a date as YYYY-MM-DD; got '{DueOn.Trim()}'.");
    }
}
