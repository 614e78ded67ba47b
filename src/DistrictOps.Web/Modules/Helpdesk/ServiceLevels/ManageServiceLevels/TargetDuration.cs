using System.Globalization;
using System.Text.RegularExpressions;

namespace DistrictOps.Web.Modules.Helpdesk.ServiceLevels.ManageServiceLevels;

/// <summary>
/// Targets are stored in counted minutes and written as people think of them: "90", "90m", "1.5h", "4h", "3d".
/// A day is a school day (<see cref="SchoolDayMinutes"/>) for school-time policies and 24 hours around the clock.
/// </summary>
public static partial class TargetDuration
{
    /// <summary>Incident IQ's default working hours, 7:00-15:00: the length the seeded targets count a school day as.</summary>
    public const int SchoolDayMinutes = 8 * 60;

    public const int ClockDayMinutes = 24 * 60;

    /// <summary>Minutes, or null when the text is not a positive duration.</summary>
    public static int? Parse(string? text, int dayMinutes)
    {
        var match = Duration().Match(text?.Trim() ?? "");
        if (!match.Success || !decimal.TryParse(match.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var minutes = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "d" or "day" or "days" => amount * dayMinutes,
            "h" or "hr" or "hrs" or "hour" or "hours" => amount * 60,
            _ => amount,
        };
        return minutes is >= 1 and <= int.MaxValue && minutes == decimal.Round(minutes) ? (int)minutes : null;
    }

    /// <summary>The shortest exact way to write the minutes back: "3d", "4h", "1h 30m", "45m".</summary>
    public static string Format(int minutes, int dayMinutes)
    {
        if (minutes >= dayMinutes && minutes % dayMinutes == 0)
        {
            return (minutes / dayMinutes).ToString(CultureInfo.InvariantCulture) + "d";
        }

        if (minutes >= 60)
        {
            var hours = (minutes / 60).ToString(CultureInfo.InvariantCulture) + "h";
            return minutes % 60 == 0 ? hours : $"{hours} {(minutes % 60).ToString(CultureInfo.InvariantCulture)}m";
        }

        return minutes.ToString(CultureInfo.InvariantCulture) + "m";
    }

    [GeneratedRegex(@"^(?<amount>\d+(\.\d+)?)\s*(?<unit>m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
