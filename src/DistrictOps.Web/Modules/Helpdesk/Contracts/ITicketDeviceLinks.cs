using System.Security.Claims;

namespace DistrictOps.Web.Modules.Helpdesk.Contracts;

/// <summary>A way from a ticket into another module: <see cref="Text"/> is a fixed phrase the page translates, <see cref="Detail"/> data shown as it is.</summary>
public sealed record TicketLink(string Text, string Url, string? Detail = null);

/// <summary>The ticket's device as a link (null when there is none the user may see) and what the user may do about it from the ticket.</summary>
public sealed record TicketDeviceLinks(TicketLink? Device, IReadOnlyList<TicketLink> Actions);

/// <summary>
/// Where a technician goes from a ticket about a device (the Devices module implements it): the device's page, starting a
/// repair, lending a loaner; each only when the user may. Without one registered the asset tag shows as text.
/// </summary>
public interface ITicketDeviceLinks
{
    Task<TicketDeviceLinks> ForTicketAsync(string ticketNumber, string? assetTag, Guid siteId, ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
