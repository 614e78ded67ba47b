using System.Globalization;
using DistrictOps.Web.Modules.Helpdesk.Data;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>What routing looks at: the ticket as submitted, its site's type and its issue type with every ancestor.</summary>
public sealed record RoutingInput(
    Guid SiteId,
    string? SiteType,
    IReadOnlyList<int> IssueTypeAndAncestors,
    string? RequesterRole,
    TicketChannel Channel,
    int Priority,
    DateTimeOffset Now);

public sealed record FiredRule(int RuleId, string Name, string Actions);

/// <summary>The outcome: team, whether to assign the site's technician, a named assignee, priority, tags, and the rules that fired.</summary>
public sealed record RoutingDecision(
    int? TeamId,
    bool AssignSiteTechnician,
    Guid? AssigneeUserId,
    int Priority,
    IReadOnlyList<string> Tags,
    IReadOnlyList<FiredRule> Fired);

/// <summary>
/// Ordered, cascading routing rules as a pure function. Every enabled, unexpired rule whose
/// conditions all hold applies its actions over what earlier rules set; a rule that sets a team
/// drops an assignee an earlier rule chose for another team; "stop" ends the cascade.
/// </summary>
public static class Routing
{
    public static RoutingDecision Route(IEnumerable<RoutingRule> rules, RoutingInput input)
    {
        int? team = null;
        var siteTechnician = false;
        Guid? assignee = null;
        var priority = input.Priority;
        var tags = new List<string>();
        var fired = new List<FiredRule>();
        foreach (var rule in rules.OrderBy(r => r.Order).ThenBy(r => r.Id))
        {
            if (!rule.Enabled || rule.ExpiresAt <= input.Now || !Matches(rule, input with { Priority = priority }))
            {
                continue;
            }

            var actions = new List<string>();
            if (rule.SetTeamId is { } setTeam)
            {
                team = setTeam;
                siteTechnician = false;
                assignee = null;
                actions.Add($"team {setTeam}");
            }

            if (rule.AssignSiteTechnician)
            {
                siteTechnician = true;
                assignee = null;
                actions.Add("site technician");
            }

            if (rule.SetAssigneeUserId is { } setAssignee)
            {
                assignee = setAssignee;
                siteTechnician = false;
                actions.Add($"assignee {setAssignee}");
            }

            if (rule.SetPriority is { } setPriority)
            {
                priority = setPriority;
                actions.Add($"priority {setPriority}");
            }

            foreach (var tag in Tags(rule.AddTags).Where(t => !tags.Contains(t)))
            {
                tags.Add(tag);
                actions.Add($"tag {tag}");
            }

            fired.Add(new FiredRule(rule.Id, rule.Name, string.Join(", ", actions)));
            if (rule.StopProcessing)
            {
                break;
            }
        }

        return new RoutingDecision(team, siteTechnician, assignee, priority, tags, fired);
    }

    /// <summary>Whether a routing rule's or a service-level policy's conditions all hold for the ticket.</summary>
    public static bool Matches(ITicketConditions conditions, RoutingInput input) =>
        Holds(conditions.SiteIds, v => Guid.TryParse(v, out var id) && id == input.SiteId)
        && Holds(conditions.SiteTypes, v => string.Equals(v, input.SiteType, StringComparison.OrdinalIgnoreCase))
        && Holds(conditions.IssueTypeIds, v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && input.IssueTypeAndAncestors.Contains(id))
        && Holds(conditions.RequesterRoles, v => string.Equals(v, input.RequesterRole, StringComparison.OrdinalIgnoreCase))
        && Holds(conditions.Channels, v => string.Equals(v, input.Channel.ToString(), StringComparison.OrdinalIgnoreCase))
        && Holds(conditions.Priorities, v => v == input.Priority.ToString(CultureInfo.InvariantCulture));

    public static IReadOnlyList<string> Values(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The stored form of a list, the inverse of <see cref="Values"/>: distinct, non-empty values joined by commas, null when there are none.</summary>
    public static string? Join(IEnumerable<string>? values)
    {
        var list = values?.Where(v => v.Length > 0).Distinct().ToList() ?? [];
        return list.Count == 0 ? null : string.Join(',', list);
    }

    public static IReadOnlyList<string> Tags(string? list) =>
        (list ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct().ToList();

    /// <summary>An empty condition matches anything; a list matches when any value does.</summary>
    private static bool Holds(string? list, Func<string, bool> match)
    {
        var values = Values(list);
        return values.Count == 0 || values.Any(match);
    }
}
