using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>A ticket's policy and its reading, as last computed.</summary>
public sealed record TrackedServiceLevel(ServiceLevelPolicy Policy, ServiceLevelReading Reading);

/// <summary>
/// Recomputes tickets' service levels from their stored timeline (plus events added in the current unit of work) and writes
/// the Ticket columns. Policies, targets, issue types and site schedules are read once per instance (one request or job run).
/// Called for every save that changes what the clock reads (the service-level interceptor), by the service-level job
/// and by the demo seed; it never saves.
/// </summary>
public sealed class ServiceLevelTracker(AppDbContext db, ISchoolCalendar calendar, ISiteDirectory sites, HelpdeskSettingsCache settingsCache, TimeProvider clock)
{
    private readonly Dictionary<Guid, SchoolSchedule?> _schedules = [];
    private readonly HashSet<Ticket> _opened = new(ReferenceEqualityComparer.Instance);
    private IReadOnlyList<ServiceLevelPolicy>? _policies;
    private IReadOnlyDictionary<(int PolicyId, int Priority), ServiceLevelTarget>? _targets;
    private IReadOnlyDictionary<int, int?>? _parents;
    private Dictionary<Guid, string>? _siteTypes;

    /// <summary>The first enabled policy, by order, whose conditions match (as a routing rule's do), with a target for the ticket's priority.</summary>
    public async Task<(ServiceLevelPolicy Policy, ServiceLevelTarget Target)?> MatchAsync(Ticket ticket, CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        var input = new RoutingInput(ticket.SiteId, _siteTypes!.GetValueOrDefault(ticket.SiteId), Ancestry(ticket.IssueTypeId), ticket.RequesterRole, ticket.Channel, ticket.Priority, clock.GetUtcNow());
        foreach (var policy in _policies!)
        {
            if (Routing.Matches(policy, input))
            {
                return _targets!.TryGetValue((policy.Id, ticket.Priority), out var target) ? (policy, target) : null;
            }
        }

        return null;
    }

    /// <summary>Recomputes the tickets (tracked by this context) and sets their service-level columns; returns the readings of those with a policy.</summary>
    public async Task<Dictionary<long, TrackedServiceLevel>> RecomputeAsync(IReadOnlyCollection<Ticket> tickets, CancellationToken cancellationToken = default)
    {
        var results = new Dictionary<long, TrackedServiceLevel>();
        if (tickets.Count == 0)
        {
            return results;
        }

        var now = clock.GetUtcNow();
        var events = await EventsAsync(tickets, cancellationToken);
        foreach (var ticket in tickets)
        {
            var history = events.GetValueOrDefault(ticket.Id, []);
            var schedule = await ScheduleAsync(ticket.SiteId, cancellationToken);
            var clockHistory = new ClockHistory(
                ticket.CreatedAt,
                history.Where(e => e.FromStatus is not null && e.ToStatus is not null).Select(e => new StatusMove(e.At, e.FromStatus!.Value, e.ToStatus!.Value)).ToList(),
                ticket.FirstResponseAt,
                ticket.InstructionRestoredAt,
                ticket.InstructionDisrupted);
            ticket.FirstContactResolution = ticket.IsOpen ? null : FirstContactResolution(history);

            if (await MatchAsync(ticket, cancellationToken) is not { } match)
            {
                var minutes = ServiceLevelClock.SchoolMinutes(clockHistory, schedule, pauseOnHold: true, now);
                Clear(ticket);
                ticket.ResponseMinutes = minutes.Response;
                ticket.ResolutionMinutes = minutes.Resolution;
                continue;
            }

            var (policy, target) = match;
            var reading = ServiceLevelClock.Read(
                new ClockPolicy(policy.Hours, policy.PauseOnHold, target.FirstResponseMinutes, target.ResolutionMinutes, policy.RestoreInstructionMinutes),
                clockHistory, schedule, now);
            ticket.ServiceLevelPolicyId = policy.Id;
            ticket.ResponseDueAt = reading.Response.Deadline;
            ticket.ResolutionDueAt = reading.Resolution.Deadline;
            ticket.RestoreDueAt = reading.Restore?.Deadline;
            ticket.ServiceLevelPausedSince = reading.PausedSince;
            ticket.ResponseBreached = reading.Response.Breached;
            ticket.ResolutionBreached = reading.Resolution.Breached;
            ticket.RestoreBreached = reading.Restore?.Breached ?? false;
            ticket.ResponseMinutes = reading.ResponseSchoolMinutes;
            ticket.ResolutionMinutes = reading.ResolutionSchoolMinutes;
            ticket.ServiceLevelCheckAt = EscalationLadder.NextCheck(reading, ticket.ServiceLevelAlertsSent);
            results[ticket.Id] = new TrackedServiceLevel(policy, reading);
        }

        return results;
    }

    /// <summary>
    /// First-contact resolution, set when a ticket is solved (null while open): solved by the first technician who took it —
    /// never escalated, never reassigned to someone else or unassigned (at most one assignment on the timeline), and never
    /// waiting on the requester (Pending). A reopened ticket is judged again at its next solve, over its whole history.
    /// </summary>
    public static bool FirstContactResolution(IReadOnlyList<TicketEvent> history) =>
        !history.Any(e => e.Kind == TicketEventKind.Escalated)
        && !history.Any(e => e.ToStatus == TicketStatus.Pending)
        && history.Count(e => e.Kind == TicketEventKind.Assigned) <= 1;

    private static void Clear(Ticket ticket)
    {
        ticket.ServiceLevelPolicyId = null;
        ticket.ResponseDueAt = null;
        ticket.ResolutionDueAt = null;
        ticket.RestoreDueAt = null;
        ticket.ServiceLevelPausedSince = null;
        ticket.ResponseBreached = false;
        ticket.ResolutionBreached = false;
        ticket.RestoreBreached = false;
        ticket.ServiceLevelCheckAt = null;
    }

    /// <summary>The site's schedule, once per instance; null when the district has no calendar yet.</summary>
    public async Task<SchoolSchedule?> ScheduleAsync(Guid siteId, CancellationToken cancellationToken)
    {
        if (!_schedules.TryGetValue(siteId, out var schedule))
        {
            try
            {
                schedule = await calendar.ScheduleForSiteAsync(siteId, cancellationToken);
            }
            catch (InvalidOperationException)
            {
                // No instructional year imported yet: school-time targets show "calendar ends" until one is.
                schedule = null;
            }

            _schedules[siteId] = schedule;
        }

        return schedule;
    }

    private async Task<Dictionary<long, List<TicketEvent>>> EventsAsync(IReadOnlyCollection<Ticket> tickets, CancellationToken cancellationToken)
    {
        // A ticket first seen unsaved was opened through this context, so every event it has is tracked here: no query for it.
        _opened.UnionWith(tickets.Where(t => t.Id == 0));
        var opened = tickets.Where(_opened.Contains).Select(t => t.Id).Where(id => id != 0).ToList();
        var ids = tickets.Where(t => !_opened.Contains(t)).Select(t => t.Id).Where(id => id != 0).ToList();
        var kinds = new[] { TicketEventKind.StatusChanged, TicketEventKind.Assigned, TicketEventKind.Escalated };
        var stored = ids.Count == 0
            ? []
            : await db.Set<TicketEvent>().AsNoTracking()
                .Where(e => ids.Contains(e.TicketId) && kinds.Contains(e.Kind))
                .ToListAsync(cancellationToken);
        // Events are only ever added, so their states need no new detection (the interceptor that calls this has just run one).
        var tracked = db.ChangeTracker.EntriesAsDetected<TicketEvent>()
            .Where(e => kinds.Contains(e.Entity.Kind)
                && ((e.State == EntityState.Added && ids.Contains(e.Entity.TicketId)) || (e.State != EntityState.Deleted && opened.Contains(e.Entity.TicketId))))
            .Select(e => e.Entity);
        return stored.Concat(tracked)
            .GroupBy(e => e.TicketId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ThenBy(e => e.Id == 0 ? long.MaxValue : e.Id).ToList());
    }

    private List<int> Ancestry(int issueTypeId)
    {
        var chain = new List<int>();
        for (int? id = issueTypeId; id is { } current && !chain.Contains(current); id = _parents!.GetValueOrDefault(current))
        {
            chain.Add(current);
        }

        return chain;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_policies is not null)
        {
            return;
        }

        var settings = await settingsCache.GetAsync(db, cancellationToken);
        (_policies, _targets, _parents) = (settings.EnabledPolicies, settings.Targets, settings.IssueTypeParents);
        _siteTypes = (await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Type);
    }
}
