using System.Globalization;
using System.Text;

namespace DistrictOps.Web.Modules.Helpdesk.Reports;

/// <summary>
/// Local calendar days as integer arithmetic both databases can run: a zone's UTC offset is constant between transitions,
/// so "the local day of instant E (Unix seconds)" is <c>(E + offset) / 86400</c> with the offset picked by a CASE over the
/// transitions in the span. No time-zone support is needed in SQLite, and PostgreSQL computes exactly the same days.
/// </summary>
public static class LocalDays
{
    public const long UnixEpochDayNumber = 719_162;

    public static DateTimeOffset StartOf(TimeZoneInfo zone, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly FromDayNumber(long unixDay) => DateOnly.FromDayNumber((int)(unixDay + UnixEpochDayNumber));

    public static long UnixDay(DateOnly day) => day.DayNumber - UnixEpochDayNumber;

    /// <summary>The offset (seconds) in force from each instant (Unix seconds) on, over [start, end]: the first starts at <paramref name="start"/>.</summary>
    public static IReadOnlyList<(long From, int OffsetSeconds)> Offsets(TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        int OffsetAt(long unix) => (int)zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(unix)).TotalSeconds;

        var first = start.ToUnixTimeSeconds();
        var last = end.ToUnixTimeSeconds();
        var segments = new List<(long, int)> { (first, OffsetAt(first)) };
        for (var at = first; at < last; at += 3600)
        {
            var next = Math.Min(at + 3600, last);
            if (OffsetAt(next) != segments[^1].Item2)
            {
                // The change happened in (at, next]: find its first second.
                var (low, high) = (at, next);
                while (high - low > 1)
                {
                    var middle = low + ((high - low) / 2);
                    (low, high) = OffsetAt(middle) == segments[^1].Item2 ? (middle, high) : (low, middle);
                }

                segments.Add((high, OffsetAt(high)));
            }
        }

        return segments;
    }

    /// <summary>SQL for the local day number (days since 1970-01-01) of <paramref name="unixSeconds"/>, an integer SQL expression.</summary>
    public static string DaySql(string unixSeconds, IReadOnlyList<(long From, int OffsetSeconds)> offsets)
    {
        if (offsets.Count == 1)
        {
            return Invariant($"(({unixSeconds} + {offsets[0].OffsetSeconds}) / 86400)");
        }

        var sql = new StringBuilder("(CASE");
        for (var i = 1; i < offsets.Count; i++)
        {
            sql.Append(Invariant($" WHEN {unixSeconds} < {offsets[i].From} THEN ({unixSeconds} + {offsets[i - 1].OffsetSeconds}) / 86400"));
        }

        sql.Append(Invariant($" ELSE ({unixSeconds} + {offsets[^1].OffsetSeconds}) / 86400 END)"));
        return sql.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
