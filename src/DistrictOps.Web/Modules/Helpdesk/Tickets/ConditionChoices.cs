using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>What the condition lists of the routing-rule and service-level forms offer, and conditions said in words.</summary>
public sealed class ConditionChoices(IReadOnlyList<SiteSummary> sites, IReadOnlyList<IssueType> issueTypes)
{
    public static readonly ConditionChoices None = new([], []);

    public static IReadOnlyList<string> SiteTypes => TicketConditions.SiteTypeNames;

    public static IReadOnlyList<string> Roles => TicketConditions.KnownRoles;

    public static IReadOnlyList<string> Channels { get; } = Enum.GetNames<TicketChannel>();

    public static IReadOnlyList<int> Priorities { get; } = [1, 2, 3, 4, 5];

    public IReadOnlyList<SiteSummary> Sites => sites;

    public IReadOnlyList<IssueType> IssueTypes => issueTypes;

    public static async Task<ConditionChoices> LoadAsync(AppDbContext db, ISiteDirectory siteDirectory, CancellationToken cancellationToken) =>
        new(await siteDirectory.ListAsync(cancellationToken), await db.ActiveIssueTypesAsync(cancellationToken));

    /// <summary>"site X or Y; issue type Z", or "every ticket" when no list narrows it.</summary>
    public string Describe(IConditionLists conditions)
    {
        var parts = new List<string>();
        if (conditions.SiteIds is { Count: > 0 } siteIds)
        {
            parts.Add("site " + string.Join(" or ", siteIds.Select(id => Sites.FirstOrDefault(s => s.Id == id)?.Name ?? id.ToString())));
        }

        if (conditions.SiteTypes is { Count: > 0 } siteTypes)
        {
            parts.Add("site type " + string.Join(" or ", siteTypes));
        }

        if (conditions.IssueTypeIds is { Count: > 0 } issueTypeIds)
        {
            parts.Add("issue type " + string.Join(" or ", issueTypeIds.Select(id => IssueTypes.FirstOrDefault(c => c.Id == id)?.Path ?? id.ToString(CultureInfo.InvariantCulture))));
        }

        if (conditions.RequesterRoles is { Count: > 0 } roles)
        {
            parts.Add("requester " + string.Join(" or ", roles));
        }

        if (conditions.Channels is { Count: > 0 } channels)
        {
            parts.Add("channel " + string.Join(" or ", channels));
        }

        if (conditions.Priorities is { Count: > 0 } priorities)
        {
            parts.Add("priority " + string.Join(" or ", priorities));
        }

        return parts.Count == 0 ? "every ticket" : string.Join("; ", parts);
    }
}

/// <summary>The model of the conditions fieldset: <see cref="Form"/> names the form ("rule" → ids rule-sites, fields rule.SiteIds).</summary>
public sealed record ConditionsFieldset(string Form, ConditionChoices Choices, IConditionLists? Selected);

/// <summary>The condition lists as the routing-rule and service-level forms post them (fields rule.SiteIds, policy.SiteIds …).</summary>
public abstract class ConditionsForm
{
    public List<Guid> SiteIds { get; set; } = [];

    public List<string> SiteTypes { get; set; } = [];

    public List<int> IssueTypeIds { get; set; } = [];

    public List<string> RequesterRoles { get; set; } = [];

    public List<string> Channels { get; set; } = [];

    public List<int> Priorities { get; set; } = [];
}
