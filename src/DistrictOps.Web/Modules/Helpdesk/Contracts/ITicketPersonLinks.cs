using System.Security.Claims;

namespace DistrictOps.Web.Modules.Helpdesk.Contracts;

/// <summary>
/// Where a technician goes from a ticket about its requester or another person (the Accounts module: resetting a staff
/// member's directory password), each only when the user may. The ticket page shows every registered source's links beside
/// the requester; with none registered it shows none.
/// </summary>
public interface ITicketPersonLinks
{
    Task<IReadOnlyList<TicketLink>> ForTicketAsync(string ticketNumber, Guid? requesterPersonId, ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
