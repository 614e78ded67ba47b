using System.Collections.Frozen;
using System.Globalization;

namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>
/// When a site holds school: its time zone, instructional years, no-school dates, regular hours per weekday and
/// special hours (minimum days) per date. Special hours also make a day without regular hours a school day
/// (a Saturday make-up day). Built once; the school-time functions in <see cref="SchoolTime"/> read it.
/// </summary>
public sealed class SchoolSchedule
{
    private readonly SchoolHours?[] _hoursByWeekday;
    private readonly FrozenSet<DateOnly> _noSchoolDates;
    private readonly FrozenDictionary<DateOnly, SchoolHours> _specialHours;

    private SchoolSchedule(
        TimeZoneInfo timeZone,
        InstructionalYear[] years,
        FrozenSet<DateOnly> noSchoolDates,
        FrozenDictionary<DayOfWeek, SchoolHours> weeklyHours,
        FrozenDictionary<DateOnly, SchoolHours> specialHours)
    {
        TimeZone = timeZone;
        Years = years;
        _noSchoolDates = noSchoolDates;
        WeeklyHours = weeklyHours;
        _specialHours = specialHours;
        _hoursByWeekday = new SchoolHours?[7];
        foreach (var (day, hours) in weeklyHours)
        {
            _hoursByWeekday[(int)day] = hours;
        }

        Timeline = SchoolTimeline.Build(this);
    }

    /// <summary>Incident IQ's default working hours: Monday to Friday, 07:00-15:00.</summary>
    public static IReadOnlyDictionary<DayOfWeek, SchoolHours> DefaultWeeklyHours { get; } =
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToFrozenDictionary(d => d, _ => new SchoolHours(new TimeOnly(7, 0), new TimeOnly(15, 0)));

    public TimeZoneInfo TimeZone { get; }

    /// <summary>In order, none overlapping; the days between two years (summer) hold no school.</summary>
    public IReadOnlyList<InstructionalYear> Years { get; }

    public DateOnly FirstDay => Years[0].FirstDay;

    public DateOnly LastDay => Years[^1].LastDay;

    public IReadOnlySet<DateOnly> NoSchoolDates => _noSchoolDates;

    public IReadOnlyDictionary<DayOfWeek, SchoolHours> WeeklyHours { get; }

    public IReadOnlyDictionary<DateOnly, SchoolHours> SpecialHours => _specialHours;

    internal SchoolTimeline Timeline { get; }

    public static SchoolSchedule Create(
        TimeZoneInfo timeZone,
        IEnumerable<InstructionalYear> years,
        IEnumerable<DateOnly>? noSchoolDates = null,
        IReadOnlyDictionary<DayOfWeek, SchoolHours>? weeklyHours = null,
        IReadOnlyDictionary<DateOnly, SchoolHours>? specialHours = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(years);

        var orderedYears = years.OrderBy(y => y.FirstDay).ToArray();
        if (orderedYears.Length == 0)
        {
            throw new ArgumentException("A school schedule needs at least one instructional year; none was given.", nameof(years));
        }

        for (var i = 1; i < orderedYears.Length; i++)
        {
            if (orderedYears[i].FirstDay <= orderedYears[i - 1].LastDay)
            {
                throw new ArgumentException(
                    $"Instructional years {orderedYears[i - 1]} and {orderedYears[i]} overlap; expected each year to end before the next one begins.",
                    nameof(years));
            }
        }

        var weekly = (weeklyHours ?? DefaultWeeklyHours).ToFrozenDictionary();
        var notDays = weekly.Keys.Where(d => !Enum.IsDefined(d)).Select(d => (int)d).ToList();
        if (notDays.Count > 0)
        {
            throw new ArgumentException($"{string.Join(", ", notDays)} is not a day of the week; expected Sunday to Saturday.", nameof(weeklyHours));
        }

        var noSchool = (noSchoolDates ?? []).ToFrozenSet();
        var special = (specialHours ?? new Dictionary<DateOnly, SchoolHours>()).ToFrozenDictionary();
        var conflicts = special.Keys.Where(noSchool.Contains).Order().ToList();
        if (conflicts.Count > 0)
        {
            var dates = string.Join(", ", conflicts.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            throw new ArgumentException($"{dates}: no-school date(s) with special hours; expected a date to be one or the other.", nameof(specialHours));
        }

        return new SchoolSchedule(timeZone, orderedYears, noSchool, weekly, special);
    }

    /// <summary>The hours school is held on a date in the site's time zone; null when the date has no school.</summary>
    public SchoolHours? HoursOn(DateOnly date) =>
        InAnyYear(date) ? RegularOrSpecialHoursOn(date) : null;

    internal SchoolHours? RegularOrSpecialHoursOn(DateOnly date) =>
        _noSchoolDates.Contains(date) ? null
        : _specialHours.TryGetValue(date, out var special) ? special
        : _hoursByWeekday[(int)date.DayOfWeek];

    private bool InAnyYear(DateOnly date)
    {
        foreach (var year in Years)
        {
            if (year.Contains(date))
            {
                return true;
            }
        }

        return false;
    }
}
