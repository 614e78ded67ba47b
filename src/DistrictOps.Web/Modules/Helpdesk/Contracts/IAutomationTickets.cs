using DistrictOps.Web.Platform;

namespace DistrictOps.Web.Modules.Helpdesk.Contracts;

/// <summary>
/// A ticket an automation needs a person to act on. <see cref="Key"/> makes it once: the same key again opens nothing
/// (the automation chooses its scope, "accounts.sync:K12:2026-12-07" for one a day per directory). <see cref="Automation"/>
/// names the job ("accounts.sync"); <see cref="IssueType"/> is the issue type's path as the settings show it ("Accounts").
/// </summary>
public sealed record AutomationTicketRequest(string Key, string Automation, string IssueType, string Title, string Description);

/// <summary>The ticket for the key, and whether this call opened it (false: it was opened before, and nothing changed).</summary>
public sealed record TicketOpenedOnce(string Number, bool OpenedNow);

/// <summary>
/// Tickets DistrictOps opens itself when a scheduled job needs a person (the account sync could not make a change). No
/// person asked: the requester is "DistrictOps (the job's name)", with no account and no email, so nobody is sent an
/// acknowledgement. The ticket is at the district's own site and the routing rules route it like any other.
/// </summary>
public interface IAutomationTickets
{
    /// <summary>Opens the ticket unless one was opened under the key before; Invalid when a field is too long or the issue type does not exist.</summary>
    Task<Result<TicketOpenedOnce>> OpenOnceAsync(AutomationTicketRequest request, CancellationToken cancellationToken = default);
}
