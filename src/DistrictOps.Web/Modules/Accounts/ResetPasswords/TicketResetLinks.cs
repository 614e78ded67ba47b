using System.Security.Claims;
using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Accounts.ResetPasswords;

/// <summary>
/// The ticket page's way to a password reset, for holders of <c>accounts.reset</c> when a directory is configured: the
/// requester's own accounts when they have any in a directory that holds staff, else the page that finds the staff member.
/// </summary>
internal sealed class TicketResetLinks(AppDbContext db, IOptions<AccountsOptions> options, PermissionRegistry permissions) : ITicketPersonLinks
{
    public async Task<IReadOnlyList<TicketLink>> ForTicketAsync(string ticketNumber, Guid? requesterPersonId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, AccountsPermissions.Reset) || options.Value.Targets.Count == 0)
        {
            return [];
        }

        var url = "/accounts/reset?ticket=" + Uri.EscapeDataString(ticketNumber);
        if (requesterPersonId is { } person)
        {
            var staffTargets = options.Value.Targets.Where(t => t.Kinds.Any(k => k != "Student")).Select(t => t.Name).ToList();
            var usernames = await db.Set<ManagedAccount>().AsNoTracking().Where(a => a.PersonId == person && a.DeletedAt == null && staffTargets.Contains(a.Target))
                .OrderBy(a => a.Target).Select(a => a.Username).ToListAsync(cancellationToken);
            if (usernames.Count > 0)
            {
                return [new TicketLink("Reset the requester's directory password", $"{url}&person={person}", string.Join(", ", usernames.Distinct()))];
            }
        }

        return [new TicketLink("Reset a staff member's directory password", url)];
    }
}
