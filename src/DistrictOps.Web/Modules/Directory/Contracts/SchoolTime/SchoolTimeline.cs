namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>
/// A schedule's school time as sorted, disjoint UTC intervals [open, close) with the school time elapsed before
/// each, so every question is a binary search. Built day by day in the site's local time.
/// </summary>
internal sealed class SchoolTimeline
{
    private readonly long[] _opens;
    private readonly long[] _closes;
    private readonly long[] _elapsedAtOpen;
    private readonly long[] _elapsedAtClose;

    private SchoolTimeline(long[] opens, long[] closes)
    {
        _opens = opens;
        _closes = closes;
        _elapsedAtOpen = new long[opens.Length];
        _elapsedAtClose = new long[opens.Length];
        long elapsed = 0;
        for (var i = 0; i < opens.Length; i++)
        {
            _elapsedAtOpen[i] = elapsed;
            elapsed += closes[i] - opens[i];
            _elapsedAtClose[i] = elapsed;
        }
    }

    public long Total => _elapsedAtClose.Length == 0 ? 0 : _elapsedAtClose[^1];

    public static SchoolTimeline Build(SchoolSchedule schedule)
    {
        var opens = new List<long>();
        var closes = new List<long>();
        var lastClose = long.MinValue;
        foreach (var year in schedule.Years)
        {
            for (var day = year.FirstDay.DayNumber; day <= year.LastDay.DayNumber; day++)
            {
                var date = DateOnly.FromDayNumber(day);
                if (schedule.RegularOrSpecialHoursOn(date) is not { } hours)
                {
                    continue;
                }

                // Where the clock goes back at midnight a day's hours can reach into the previous day's: count each instant once.
                var open = Math.Max(FirstInstantAt(schedule.TimeZone, date.ToDateTime(hours.Start)), lastClose);
                var close = FirstInstantAt(schedule.TimeZone, date.ToDateTime(hours.End));
                if (close <= open)
                {
                    continue;
                }

                opens.Add(open);
                closes.Add(close);
                lastClose = close;
            }
        }

        return new SchoolTimeline([.. opens], [.. closes]);
    }

    /// <summary>
    /// The UTC ticks of the first moment a zone's clock shows a local time: the earlier of the two when the clock is
    /// set back (ambiguous), and the moment the clock jumps forward when the time is skipped (invalid).
    /// </summary>
    internal static long FirstInstantAt(TimeZoneInfo zone, DateTime local)
    {
        if (zone.IsInvalidTime(local))
        {
            return EndOfGap(zone, local);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return local.Ticks - offset.Ticks;
    }

    public bool Contains(long instant)
    {
        var i = LastOpenAtOrBefore(instant);
        return i >= 0 && instant < _closes[i];
    }

    public long ElapsedAt(long instant)
    {
        var i = LastOpenAtOrBefore(instant);
        return i < 0 ? 0 : _elapsedAtOpen[i] + (Math.Min(instant, _closes[i]) - _opens[i]);
    }

    /// <summary>The earliest instant at which <paramref name="elapsed"/> (0 &lt; elapsed &lt;= Total) school time has passed.</summary>
    public long InstantWhenElapsed(long elapsed)
    {
        var i = Array.BinarySearch(_elapsedAtClose, elapsed);
        if (i < 0)
        {
            i = ~i;
        }

        return _opens[i] + (elapsed - _elapsedAtOpen[i]);
    }

    public long? NextStartAtOrAfter(long instant)
    {
        var i = LastOpenAtOrBefore(instant);
        if (i >= 0 && instant < _closes[i])
        {
            return instant;
        }

        return i + 1 < _opens.Length ? _opens[i + 1] : null;
    }

    private int LastOpenAtOrBefore(long instant)
    {
        var i = Array.BinarySearch(_opens, instant);
        return i >= 0 ? i : ~i - 1;
    }

    private static long EndOfGap(TimeZoneInfo zone, DateTime local)
    {
        // No zone is more than 14 hours from UTC, so the jump lies within 15 hours either side of the local ticks.
        var before = local.Ticks - TimeSpan.TicksPerHour * 15;
        var after = local.Ticks + TimeSpan.TicksPerHour * 15;
        while (after - before > 1)
        {
            var middle = before + ((after - before) / 2);
            var shown = TimeZoneInfo.ConvertTimeFromUtc(new DateTime(middle, DateTimeKind.Utc), zone);
            if (shown.Ticks > local.Ticks)
            {
                after = middle;
            }
            else
            {
                before = middle;
            }
        }

        return after;
    }
}
