using System.Security.Claims;
using DistrictOps.Web.Platform;

namespace DistrictOps.Web.Modules.Helpdesk.Contracts;

/// <summary>A ticket as the Devices module shows it beside a device or a loaner pool; the requester's name already follows the help desk's rule for the user.</summary>
public sealed record DeviceTicket(
    long Id, string Number, string Title, string Status, bool Open, DateTimeOffset CreatedAt, Guid SiteId, Guid? RequesterPersonId, string RequesterName,
    string? AssetTag, bool InstructionDisrupted, bool InstructionRestored);

/// <summary>Tickets linked to devices by asset tag, for the device page, loaners and repairs. Every read applies the help desk's visibility rule for the user.</summary>
public interface IDeviceTickets
{
    /// <summary>Tickets naming the asset tag that <paramref name="user"/> may see, newest first.</summary>
    Task<IReadOnlyList<DeviceTicket>> ForAssetTagAsync(string assetTag, ClaimsPrincipal user, int take = 20, CancellationToken cancellationToken = default);

    /// <summary>The ticket, when <paramref name="user"/> works tickets and may see it; null otherwise.</summary>
    Task<DeviceTicket?> FindAsync(string number, ClaimsPrincipal user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Open tickets at <paramref name="siteIds"/> that may need a loaner: instruction-disrupted ones not yet restored first,
    /// then those naming a device, oldest first.
    /// </summary>
    Task<IReadOnlyList<DeviceTicket>> WaitingForLoanerAsync(IReadOnlyCollection<Guid> siteIds, ClaimsPrincipal user, int take = 50, CancellationToken cancellationToken = default);

    /// <summary>
    /// Notes on the ticket that a loaner went out (a public line the requester sees) and, on an instruction-disrupted
    /// ticket, that instruction is restored. Saying it again for the same loaner changes nothing (false).
    /// </summary>
    Task<Result<bool>> LoanerIssuedAsync(string number, string loanerTag, DateOnly dueOn, ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
