using System.Globalization;

namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>
/// School time: the instants inside a site's school hours on instructional days, read in the site's time zone.
/// Instants returned are UTC. Local times a DST change skips start school at the jump; local times it repeats
/// are read as their first occurrence.
/// </summary>
public static class SchoolTime
{
    public static bool IsInstructionalDay(SchoolSchedule schedule, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.HoursOn(date) is not null;
    }

    public static bool IsSchoolTime(SchoolSchedule schedule, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.Timeline.Contains(instant.UtcTicks);
    }

    /// <summary>The school time in [from, to); zero when to is not after from.</summary>
    public static TimeSpan SchoolTimeBetween(SchoolSchedule schedule, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return to <= from
            ? TimeSpan.Zero
            : TimeSpan.FromTicks(schedule.Timeline.ElapsedAt(to.UtcTicks) - schedule.Timeline.ElapsedAt(from.UtcTicks));
    }

    /// <summary>
    /// The earliest instant by which <paramref name="amount"/> of school time has passed since <paramref name="from"/>:
    /// a deadline that falls on closing time is that closing time, not the next opening.
    /// </summary>
    /// <exception cref="InvalidOperationException">The schedule ends before that much school time is left.</exception>
    public static DateTimeOffset AddSchoolTime(SchoolSchedule schedule, DateTimeOffset from, TimeSpan amount)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);

        // Zero needs no school time to pass, so it is reached at once, even outside school hours or the schedule.
        if (amount == TimeSpan.Zero)
        {
            return from.ToUniversalTime();
        }

        var timeline = schedule.Timeline;
        var elapsed = timeline.ElapsedAt(from.UtcTicks);
        var left = timeline.Total - elapsed;
        if (amount.Ticks > left)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Only {TimeSpan.FromTicks(left).TotalHours:0.##} h of school time remain after {from:yyyy-MM-dd HH:mm zzz} in a schedule whose last day is {schedule.LastDay:yyyy-MM-dd}; {amount.TotalHours:0.##} h cannot be added. Add the next instructional year to the calendar."));
        }

        return new DateTimeOffset(timeline.InstantWhenElapsed(elapsed + amount.Ticks), TimeSpan.Zero);
    }

    /// <summary>The first school-time instant at or after <paramref name="from"/> (from itself during school hours); null when none is left.</summary>
    public static DateTimeOffset? NextSchoolTimeStart(SchoolSchedule schedule, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.Timeline.NextStartAtOrAfter(from.UtcTicks) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }
}
