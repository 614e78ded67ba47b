using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Requests.OpenTicket;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk;

/// <summary>
/// The help desk's side of <see cref="IAutomationTickets"/>: a ticket opened as any other (the same transaction, routing and
/// notices as <see cref="OpenTicketHandler"/>), at priority Person × Medium until a routing rule says otherwise, through the
/// Web channel (DistrictOps itself), with the key saved in the same transaction.
/// </summary>
internal sealed class AutomationTickets(
    AppDbContext db, ISiteDirectory sites, HelpdeskSettingsCache settingsCache, OpenTicketHandler opener, TimeProvider clock, IOptions<HelpdeskOptions> options)
    : IAutomationTickets
{
    private const string DistrictSiteType = "District";

    public async Task<Result<TicketOpenedOnce>> OpenOnceAsync(AutomationTicketRequest request, CancellationToken cancellationToken = default)
    {
        if (await OpenedAsync(request.Key, cancellationToken) is { } before)
        {
            return before;
        }

        var errors = new ErrorList();
        errors.Required(nameof(request.Key), request.Key, "The key is required.");
        errors.MaxLength(nameof(request.Key), request.Key, AutomationTicket.KeyMaxLength, $"The key can be at most {AutomationTicket.KeyMaxLength} characters.");
        errors.Required(nameof(request.Title), request.Title, "The title is required.");
        errors.MaxLength(nameof(request.Title), request.Title, Ticket.TitleMaxLength, $"The title can be at most {Ticket.TitleMaxLength} characters.");
        errors.Required(nameof(request.Description), request.Description, "The description is required.");
        errors.MaxLength(nameof(request.Description), request.Description, Ticket.DescriptionMaxLength);
        var settings = await settingsCache.GetAsync(db, cancellationToken);
        var issueType = settings.IssueTypes.FirstOrDefault(t => t.Active && string.Equals(t.Path, request.IssueType?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (issueType is null)
        {
            errors.Add(nameof(request.IssueType), $"There is no active issue type {request.IssueType}; give its path as the help desk settings show it.");
        }

        var site = (await sites.ListAsync(cancellationToken)).FirstOrDefault(s => s.Type == DistrictSiteType);
        if (site is null)
        {
            errors.Add("site", "The Directory has no district site (an org of type district) to open the ticket at.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var ticket = new Ticket
        {
            Title = request.Title.Trim(), Description = request.Description.Trim(), SiteId = site!.Id, IssueTypeId = issueType!.Id,
            Impact = TicketImpact.Person, Urgency = TicketUrgency.Medium, Priority = Priorities.From(settings.PriorityMatrix, TicketImpact.Person, TicketUrgency.Medium),
            Channel = TicketChannel.Web, Status = TicketStatus.New, RequesterName = $"DistrictOps ({request.Automation})",
            CreatedAt = now, UpdatedAt = now, StatusChangedAt = now,
        };
        try
        {
            var opened = await opener.OpenAsync(ticket, null, $"Opened by the {request.Automation} job.", site.Type, now,
                t => db.Add(new AutomationTicket { Key = request.Key.Trim(), TicketId = t.Id, OpenedAt = now }), cancellationToken);
            return new TicketOpenedOnce(opened.Number, OpenedNow: true);
        }
        catch (DbUpdateException)
        {
            // Another run opened one under the key between the look and the write; the key is unique, so that one stands.
            db.ChangeTracker.Clear();
            if (await OpenedAsync(request.Key, cancellationToken) is { } raced)
            {
                return raced;
            }

            throw;
        }
    }

    private async Task<TicketOpenedOnce?> OpenedAsync(string key, CancellationToken cancellationToken)
    {
        var trimmed = key?.Trim() ?? "";
        var ticketId = await db.Set<AutomationTicket>().AsNoTracking().Where(a => a.Key == trimmed).Select(a => (long?)a.TicketId).FirstOrDefaultAsync(cancellationToken);
        return ticketId is { } id ? new TicketOpenedOnce(TicketNumber.Format(options.Value.NumberPrefix, id), OpenedNow: false) : null;
    }
}
