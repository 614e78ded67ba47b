using System.Globalization;
using DistrictOps.Web.Modules.Directory.Contracts;

namespace DistrictOps.UnitTests.Modules.Directory.SchoolTime;

internal sealed class ScheduleBuilder(string timeZoneId = "America/Los_Angeles")
{
    private readonly List<InstructionalYear> _years = [];
    private readonly List<DateOnly> _noSchool = [];
    private readonly Dictionary<DayOfWeek, SchoolHours> _weekly = new(SchoolSchedule.DefaultWeeklyHours);
    private readonly Dictionary<DateOnly, SchoolHours> _special = [];

    /// <summary>2026-27 with 180 instructional days: holidays, Thanksgiving, winter and spring breaks, five staff days, two minimum days.</summary>
    public static ScheduleBuilder District2026(string timeZoneId = "America/Los_Angeles") =>
        new ScheduleBuilder(timeZoneId)
            .Year("2026-08-17", "2027-06-04")
            .NoSchool("2026-09-07", "2026-11-11", "2027-01-18", "2027-02-15", "2027-05-31")
            .NoSchool("2026-10-09", "2027-01-04", "2027-02-16", "2027-03-26", "2027-05-28")
            .NoSchoolFromTo("2026-11-23", "2026-11-27")
            .NoSchoolFromTo("2026-12-21", "2027-01-01")
            .NoSchoolFromTo("2027-03-29", "2027-04-02")
            .Special("2026-10-23", "07:00", "12:00")
            .Special("2027-06-04", "07:00", "11:30");

    public static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    public static DateOnly Day(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    public ScheduleBuilder Year(string firstDay, string lastDay)
    {
        _years.Add(new InstructionalYear(Day(firstDay), Day(lastDay)));
        return this;
    }

    public ScheduleBuilder NoSchool(params string[] dates)
    {
        _noSchool.AddRange(dates.Select(Day));
        return this;
    }

    public ScheduleBuilder NoSchoolFromTo(string firstDay, string lastDay)
    {
        for (var day = Day(firstDay); day <= Day(lastDay); day = day.AddDays(1))
        {
            _noSchool.Add(day);
        }

        return this;
    }

    public ScheduleBuilder Hours(DayOfWeek day, string start, string end)
    {
        _weekly[day] = new SchoolHours(TimeOnly.Parse(start, CultureInfo.InvariantCulture), TimeOnly.Parse(end, CultureInfo.InvariantCulture));
        return this;
    }

    public ScheduleBuilder Special(string date, string start, string end)
    {
        _special[Day(date)] = new SchoolHours(TimeOnly.Parse(start, CultureInfo.InvariantCulture), TimeOnly.Parse(end, CultureInfo.InvariantCulture));
        return this;
    }

    public SchoolSchedule Build() =>
        SchoolSchedule.Create(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId), _years, _noSchool, _weekly, _special);
}
