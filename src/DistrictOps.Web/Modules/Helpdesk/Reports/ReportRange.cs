namespace DistrictOps.Web.Modules.Helpdesk.Reports;

/// <summary>What every report echoes back: the days it covers (inclusive, local), the site if one was chosen, the time zone.</summary>
public sealed record ReportRange(DateOnly From, DateOnly To, Guid? SiteId, string? SiteName, string TimeZone);
