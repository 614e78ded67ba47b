namespace DistrictOps.Web.Modules.Helpdesk.Data;

/// <summary>
/// Which tickets a routing rule or a service-level policy is for. Each condition is a comma-separated
/// list; an empty one matches anything, a list matches when any of its values does.
/// </summary>
public interface ITicketConditions
{
    string? SiteIds { get; set; }

    string? SiteTypes { get; set; }

    /// <summary>Issue type ids; an issue type matches its descendants too.</summary>
    string? IssueTypeIds { get; set; }

    string? RequesterRoles { get; set; }

    string? Channels { get; set; }

    string? Priorities { get; set; }
}
