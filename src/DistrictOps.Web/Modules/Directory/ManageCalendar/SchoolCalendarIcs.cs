using System.Globalization;
using System.Runtime.Serialization;
using System.Text;
using DistrictOps.Web.Modules.Directory.Contracts;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace DistrictOps.Web.Modules.Directory.ManageCalendar;

/// <summary>
/// Reads a school calendar exported as iCalendar. Events are told apart by CATEGORIES: INSTRUCTIONAL-YEAR (all-day,
/// DTEND exclusive), NO-SCHOOL (all-day, one or more dates) and MINIMUM-DAY (that date's hours, with TZID); events
/// with other categories are ignored. Each VEVENT is read on its own, so one broken event is reported at its line
/// and the others are still checked.
/// </summary>
public static class SchoolCalendarIcs
{
    public const string InstructionalYearCategory = "INSTRUCTIONAL-YEAR";
    public const string NoSchoolCategory = "NO-SCHOOL";
    public const string MinimumDayCategory = "MINIMUM-DAY";

    private const string AllDayStart = "DTSTART;VALUE=DATE:YYYYMMDD";
    private const string LocalStart = "DTSTART;TZID=America/Los_Angeles:YYYYMMDDTHHMMSS";
    private const string LocalEnd = "DTEND;TZID=America/Los_Angeles:YYYYMMDDTHHMMSS";

    private static readonly string[] KnownCategories = [InstructionalYearCategory, NoSchoolCategory, MinimumDayCategory];

    public static SchoolCalendarFile Parse(string fileName, Stream ics)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(ics);

        using var reader = new StreamReader(ics, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var layout = IcsContentLines.Read(reader.ReadToEnd());
        var reading = new Reading(fileName);
        foreach (var (line, message) in layout.Problems)
        {
            reading.Error(line, message);
        }

        foreach (var block in layout.Events.Where(b => !b.Unreadable))
        {
            if (Load(block, reading) is { } calendarEvent)
            {
                reading.Add(block, calendarEvent);
            }
        }

        return reading.Finish(structureRead: layout.Problems.Count == 0);
    }

    public static SchoolSchedule ToSchedule(SchoolCalendarFile file, TimeZoneInfo timeZone, IReadOnlyDictionary<DayOfWeek, SchoolHours>? weeklyHours = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(timeZone);
        if (!file.Succeeded)
        {
            throw new ArgumentException($"{file.FileName} has {file.Errors.Count} error(s), the first: {file.Errors[0]}; expected a calendar without errors.", nameof(file));
        }

        foreach (var day in file.MinimumDays)
        {
            if (!TimeZoneInfo.FindSystemTimeZoneById(day.TimeZoneId).HasSameRules(timeZone))
            {
                throw new ArgumentException(
                    $"{file.FileName}: line {day.Line}: MINIMUM-DAY event '{day.Name}' is in {day.TimeZoneId} but the site is in {timeZone.Id}; expected times in the site's time zone.",
                    nameof(timeZone));
            }
        }

        return SchoolSchedule.Create(
            timeZone,
            file.InstructionalYears,
            file.NoSchoolDates.Select(d => d.Date),
            weeklyHours,
            file.MinimumDays.ToDictionary(d => d.Date, d => d.Hours));
    }

    private static CalendarEvent? Load(EventBlock block, Reading reading)
    {
        var name = block.Property("SUMMARY")?.Value ?? "(no SUMMARY)";
        var unknownZones = block.Properties
            .Select(p => (p.Line, Zone: p.Parameter("TZID")))
            .Where(p => p.Zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(p.Zone, out _))
            .ToList();
        foreach (var (line, zone) in unknownZones)
        {
            reading.Error(line, $"event '{name}' has TZID '{zone}', which is not a known time zone; expected an IANA id such as America/Los_Angeles.");
        }

        if (unknownZones.Count > 0)
        {
            return null;
        }

        try
        {
            var calendar = Ical.Net.Calendar.Load($"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//DistrictOps//School calendar//EN\r\n{block.Text}\r\nEND:VCALENDAR\r\n");
            return calendar?.Events.Single();
        }
        catch (Exception e) when (e is SerializationException or ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            reading.Error(block.BeginLine, $"event '{name}' could not be read ({e.Message}); expected RFC 5545 values such as {AllDayStart}.");
            return null;
        }
    }

    private sealed class Reading(string fileName)
    {
        private readonly List<CalendarFileProblem> _errors = [];
        private readonly List<CalendarFileProblem> _warnings = [];
        private readonly List<(InstructionalYear Year, int Line)> _years = [];
        private readonly List<(NoSchoolDate Date, int Line)> _noSchool = [];
        private readonly List<MinimumDay> _minimumDays = [];

        public void Error(int? line, string message) => _errors.Add(new CalendarFileProblem(fileName, line, message));

        public void Add(EventBlock block, CalendarEvent calendarEvent)
        {
            var name = string.IsNullOrWhiteSpace(calendarEvent.Summary) ? "(no SUMMARY)" : calendarEvent.Summary.Trim();
            var categories = calendarEvent.Categories.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).ToList();
            if (categories.Count == 0)
            {
                Error(block.BeginLine, $"event '{name}' has no CATEGORIES; expected CATEGORIES:{string.Join(", ", KnownCategories)} (or another category to have it ignored).");
                return;
            }

            var kinds = KnownCategories.Where(categories.Contains).ToList();
            if (kinds.Count == 0)
            {
                return;
            }

            if (kinds.Count > 1)
            {
                Error(block.LineOf("CATEGORIES"), $"event '{name}' has CATEGORIES {string.Join(" and ", kinds)}; expected exactly one of {string.Join(", ", KnownCategories)}.");
                return;
            }

            var kind = kinds[0];
            if ((block.Property("RRULE") ?? block.Property("RDATE")) is { } repeat)
            {
                Error(repeat.Line, $"{kind} event '{name}' repeats ({repeat.Name}); expected one event per date (for a weekly early release, give that weekday its own hours instead).");
                return;
            }

            switch (kind)
            {
                case InstructionalYearCategory:
                    AddInstructionalYear(block, calendarEvent, name);
                    break;
                case NoSchoolCategory:
                    AddNoSchool(block, calendarEvent, name);
                    break;
                default:
                    AddMinimumDay(block, calendarEvent, name);
                    break;
            }
        }

        public SchoolCalendarFile Finish(bool structureRead)
        {
            var years = _years.OrderBy(y => y.Year.FirstDay).ToList();
            if (years.Count == 0 && structureRead)
            {
                Error(null, $"no {InstructionalYearCategory} event; expected at least one all-day event with CATEGORIES:{InstructionalYearCategory} from the first day of school to the day after the last.");
            }

            for (var i = 1; i < years.Count; i++)
            {
                if (years[i].Year.FirstDay <= years[i - 1].Year.LastDay)
                {
                    Error(years[i].Line, $"{InstructionalYearCategory} {years[i].Year} overlaps {years[i - 1].Year} (line {years[i - 1].Line}); expected each year to end before the next begins.");
                }
            }

            CheckMinimumDays();
            if (years.Count > 0)
            {
                WarnOutsideYears(years.Select(y => y.Year).ToList());
            }

            return new SchoolCalendarFile(
                fileName,
                years.Select(y => y.Year).ToList(),
                _noSchool.Select(n => n.Date).OrderBy(d => d.Date).ThenBy(d => d.Name, StringComparer.Ordinal).ToList(),
                _minimumDays.OrderBy(d => d.Date).ToList(),
                _errors.OrderBy(e => e.Line ?? 0).ToList(),
                _warnings.OrderBy(w => w.Line ?? 0).ToList());
        }

        private void AddInstructionalYear(EventBlock block, CalendarEvent calendarEvent, string name)
        {
            if (AllDayDates(block, calendarEvent, InstructionalYearCategory, name, endRequired: true) is { } dates)
            {
                _years.Add((new InstructionalYear(dates.First, dates.Last), block.BeginLine));
            }
        }

        private void AddNoSchool(EventBlock block, CalendarEvent calendarEvent, string name)
        {
            if (AllDayDates(block, calendarEvent, NoSchoolCategory, name, endRequired: false) is { } dates)
            {
                for (var date = dates.First; date <= dates.Last; date = date.AddDays(1))
                {
                    _noSchool.Add((new NoSchoolDate(date, name), block.BeginLine));
                }
            }
        }

        private (DateOnly First, DateOnly Last)? AllDayDates(EventBlock block, CalendarEvent calendarEvent, string kind, string name, bool endRequired)
        {
            if (Start(block, calendarEvent, kind, name, AllDayStart) is not { } start)
            {
                return null;
            }

            if (start.HasTime)
            {
                Error(block.LineOf("DTSTART"), $"{kind} event '{name}' has a DTSTART with a time; expected an all-day date ({AllDayStart}).");
                return null;
            }

            var (end, endProperty) = End(block, calendarEvent, start, kind, name);
            if (endProperty is null)
            {
                if (endRequired)
                {
                    Error(block.BeginLine, $"{kind} event '{name}' has no DTEND; expected DTEND;VALUE=DATE:YYYYMMDD, the day after the last day (DTEND is exclusive).");
                    return null;
                }

                return (start.Date, start.Date);
            }

            if (end is null)
            {
                return null;
            }

            if (end.HasTime)
            {
                Error(block.LineOf(endProperty), $"{kind} event '{name}' has a {endProperty} with a time; expected an all-day date (DTEND;VALUE=DATE:YYYYMMDD, the day after the last day).");
                return null;
            }

            if (end.Date <= start.Date)
            {
                Error(block.LineOf(endProperty), Invariant($"{kind} event '{name}' ends {end.Date:yyyy-MM-dd}, not after it starts ({start.Date:yyyy-MM-dd}); expected DTEND to be the day after the last day (DTEND is exclusive)."));
                return null;
            }

            return (start.Date, end.Date.AddDays(-1));
        }

        private void AddMinimumDay(EventBlock block, CalendarEvent calendarEvent, string name)
        {
            const string kind = MinimumDayCategory;
            if (Start(block, calendarEvent, kind, name, LocalStart) is not { } start)
            {
                return;
            }

            if (!start.HasTime)
            {
                Error(block.LineOf("DTSTART"), $"{kind} event '{name}' has an all-day DTSTART; expected the day's hours as local times ({LocalStart}).");
                return;
            }

            if (start.TzId is null || start.IsUtc)
            {
                Error(block.LineOf("DTSTART"), $"{kind} event '{name}' has a DTSTART without TZID; expected a local time in the site's time zone ({LocalStart}).");
                return;
            }

            var (end, endProperty) = End(block, calendarEvent, start, kind, name);
            if (endProperty is null)
            {
                Error(block.BeginLine, $"{kind} event '{name}' has no DTEND; expected when school lets out ({LocalEnd}).");
                return;
            }

            if (end is null)
            {
                return;
            }

            var endLine = block.LineOf(endProperty);
            if (!end.HasTime || end.TzId is null || end.IsUtc)
            {
                Error(endLine, $"{kind} event '{name}' has a {endProperty} that is not a local time with TZID; expected when school lets out ({LocalEnd}).");
            }
            else if (!string.Equals(end.TzId, start.TzId, StringComparison.Ordinal))
            {
                Error(endLine, $"{kind} event '{name}' starts in {start.TzId} and ends in {end.TzId}; expected DTSTART and DTEND in the same time zone.");
            }
            else if (end.Date != start.Date)
            {
                Error(endLine, Invariant($"{kind} event '{name}' starts on {start.Date:yyyy-MM-dd} and ends on {end.Date:yyyy-MM-dd}; expected DTSTART and DTEND on the same date."));
            }
            else if (end.Time <= start.Time)
            {
                Error(endLine, Invariant($"{kind} event '{name}' ends at {end.Time:HH:mm}, not after it starts ({start.Time:HH:mm}); expected DTEND after DTSTART."));
            }
            else
            {
                _minimumDays.Add(new MinimumDay(start.Date, new SchoolHours(start.Time!.Value, end.Time!.Value), name, start.TzId, block.BeginLine));
            }
        }

        private CalDateTime? Start(EventBlock block, CalendarEvent calendarEvent, string kind, string name, string expected)
        {
            if (calendarEvent.DtStart is { } start)
            {
                return start;
            }

            Error(block.LineOf("DTSTART"), block.Property("DTSTART") is { } raw
                ? $"{kind} event '{name}' has DTSTART '{raw.Value}', which is not a date; expected {expected}."
                : $"{kind} event '{name}' has no DTSTART; expected {expected}.");
            return null;
        }

        /// <summary>The end from DTEND, else from DURATION; a null property when the event has neither.</summary>
        private (CalDateTime? End, string? Property) End(EventBlock block, CalendarEvent calendarEvent, CalDateTime start, string kind, string name)
        {
            if (block.Property("DTEND") is { } raw)
            {
                if (calendarEvent.DtEnd is null)
                {
                    Error(raw.Line, $"{kind} event '{name}' has DTEND '{raw.Value}', which is not a date; expected a value like its DTSTART's.");
                }

                return (calendarEvent.DtEnd, "DTEND");
            }

            return calendarEvent.Duration is { } duration ? (start.Add(duration), "DURATION") : (null, null);
        }

        private void CheckMinimumDays()
        {
            var noSchool = _noSchool.GroupBy(n => n.Date.Date).ToDictionary(g => g.Key, g => g.First());
            foreach (var group in _minimumDays.GroupBy(d => d.Date))
            {
                foreach (var twice in group.Skip(1))
                {
                    Error(twice.Line, Invariant($"{MinimumDayCategory} event '{twice.Name}' is a second one on {twice.Date:yyyy-MM-dd} (first: '{group.First().Name}', line {group.First().Line}); expected one per date."));
                }

                if (noSchool.TryGetValue(group.Key, out var off))
                {
                    Error(group.First().Line, Invariant($"{MinimumDayCategory} event '{group.First().Name}' on {group.Key:yyyy-MM-dd} falls on {NoSchoolCategory} '{off.Date.Name}' (line {off.Line}); expected a date with school."));
                }
            }
        }

        private void WarnOutsideYears(List<InstructionalYear> years)
        {
            var span = string.Join(", ", years);
            foreach (var perEvent in _noSchool.Where(n => !years.Any(y => y.Contains(n.Date.Date))).GroupBy(n => n.Line))
            {
                var dates = perEvent.Select(n => n.Date.Date).ToList();
                var when = dates.Count == 1 ? Invariant($"on {dates[0]:yyyy-MM-dd}") : Invariant($"on {dates.Count} dates from {dates[0]:yyyy-MM-dd} to {dates[^1]:yyyy-MM-dd}");
                _warnings.Add(new CalendarFileProblem(fileName, perEvent.Key, $"{NoSchoolCategory} event '{perEvent.First().Date.Name}' {when} is outside every instructional year ({span}); it changes nothing."));
            }

            foreach (var day in _minimumDays.Where(d => !years.Any(y => y.Contains(d.Date))))
            {
                _warnings.Add(new CalendarFileProblem(fileName, day.Line, Invariant($"{MinimumDayCategory} event '{day.Name}' on {day.Date:yyyy-MM-dd} is outside every instructional year ({span}); it changes nothing.")));
            }
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
