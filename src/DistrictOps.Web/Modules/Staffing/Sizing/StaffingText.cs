using System.Globalization;

namespace DistrictOps.Web.Modules.Staffing.Sizing;

/// <summary>How staffing figures read on every page: FTE with one decimal, money in whole dollars, signed changes.</summary>
public static class StaffingText
{
    public static string Fte(decimal fte) => fte.ToString("0.0#", CultureInfo.CurrentCulture);

    public static string Change(decimal change) => (change > 0 ? "+" : "") + change.ToString("0.0#", CultureInfo.CurrentCulture);

    public static string Money(decimal dollars) => (dollars < 0 ? "−$" : "$") + Math.Abs(dollars).ToString("N0", CultureInfo.CurrentCulture);

    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>The review's names for the site types.</summary>
    public static string SiteTypeName(string siteType) => siteType switch
    {
        "Alternative" => "Alternative/Small Schools",
        _ => siteType,
    };
}
