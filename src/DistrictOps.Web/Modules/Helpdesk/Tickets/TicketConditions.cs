using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>A routing rule's or a service-level policy's conditions as the API and the settings pages read and write them: lists as arrays, null or empty for any.</summary>
public interface IConditionLists
{
    IReadOnlyList<Guid>? SiteIds { get; }

    IReadOnlyList<string>? SiteTypes { get; }

    IReadOnlyList<int>? IssueTypeIds { get; }

    IReadOnlyList<string>? RequesterRoles { get; }

    IReadOnlyList<string>? Channels { get; }

    IReadOnlyList<int>? Priorities { get; }
}

public sealed record ConditionLists(
    IReadOnlyList<Guid> SiteIds,
    IReadOnlyList<string> SiteTypes,
    IReadOnlyList<int> IssueTypeIds,
    IReadOnlyList<string> RequesterRoles,
    IReadOnlyList<string> Channels,
    IReadOnlyList<int> Priorities) : IConditionLists;

/// <summary>Reads, writes and checks the conditions that routing rules and service-level policies share.</summary>
public static class TicketConditions
{
    public static readonly IReadOnlyList<string> KnownRoles = ["teacher", "administrator", "aide", "staff", "student", "guardian"];

    public static readonly IReadOnlyList<string> SiteTypeNames = ["District", "Elementary", "Middle", "High", "Alternative", "Administrative", "Other"];

    public static ConditionLists Read(ITicketConditions stored) => new(
        Routing.Values(stored.SiteIds).Select(Guid.Parse).ToList(),
        Routing.Values(stored.SiteTypes),
        Routing.Values(stored.IssueTypeIds).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList(),
        Routing.Values(stored.RequesterRoles),
        Routing.Values(stored.Channels),
        Routing.Values(stored.Priorities).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList());

    /// <summary>Stores lists that <see cref="ValidateAsync"/> accepted, in the canonical spelling of each value.</summary>
    public static void Write(ITicketConditions stored, IConditionLists lists)
    {
        stored.SiteIds = Routing.Join(lists.SiteIds?.Select(s => s.ToString()));
        stored.SiteTypes = Routing.Join(lists.SiteTypes?.Select(t => SiteTypeNames.First(n => string.Equals(n, t, StringComparison.OrdinalIgnoreCase))));
        stored.IssueTypeIds = Routing.Join(lists.IssueTypeIds?.Select(c => c.ToString(CultureInfo.InvariantCulture)));
        stored.RequesterRoles = Routing.Join(lists.RequesterRoles?.Select(r => r.ToLowerInvariant()));
        stored.Channels = Routing.Join(lists.Channels?.Select(c => Enum.Parse<TicketChannel>(c, ignoreCase: true).ToString()));
        stored.Priorities = Routing.Join(lists.Priorities?.Select(p => p.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Adds an error, named after the list, for each list holding a site, site type, issue type, role, channel or priority that does not exist.</summary>
    public static async Task ValidateAsync(IConditionLists lists, AppDbContext db, ISiteDirectory sites, ErrorList errors, CancellationToken cancellationToken)
    {
        var known = (await sites.ListAsync(cancellationToken)).Select(s => s.Id).ToHashSet();
        if (lists.SiteIds?.FirstOrDefault(s => !known.Contains(s)) is { } unknownSite && unknownSite != Guid.Empty)
        {
            errors.Add(nameof(lists.SiteIds), $"There is no site {unknownSite}.");
        }

        if (lists.SiteTypes?.FirstOrDefault(t => !SiteTypeNames.Contains(t, StringComparer.OrdinalIgnoreCase)) is { } type)
        {
            errors.Add(nameof(lists.SiteTypes), $"'{type}' is not one of {string.Join(", ", SiteTypeNames)}.");
        }

        var issueTypes = await db.Set<IssueType>().Select(c => c.Id).ToListAsync(cancellationToken);
        if (lists.IssueTypeIds?.FirstOrDefault(c => !issueTypes.Contains(c)) is { } issueType && issueType != 0)
        {
            errors.Add(nameof(lists.IssueTypeIds), $"There is no issue type {issueType}.");
        }

        if (lists.RequesterRoles?.FirstOrDefault(r => !KnownRoles.Contains(r, StringComparer.OrdinalIgnoreCase)) is { } role)
        {
            errors.Add(nameof(lists.RequesterRoles), $"'{role}' is not one of {string.Join(", ", KnownRoles)}.");
        }

        if (lists.Channels?.FirstOrDefault(c => !Enum.TryParse<TicketChannel>(c, ignoreCase: true, out _) || int.TryParse(c, out _)) is { } channel)
        {
            errors.Add(nameof(lists.Channels), $"'{channel}' is not one of {string.Join(", ", Enum.GetNames<TicketChannel>())}.");
        }

        if (lists.Priorities?.Any(p => p is < 1 or > 5) == true)
        {
            errors.Add(nameof(lists.Priorities), "Priorities are 1 (Critical) to 5 (Planning).");
        }
    }
}
