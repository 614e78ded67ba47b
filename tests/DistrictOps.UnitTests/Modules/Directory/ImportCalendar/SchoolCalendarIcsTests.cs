using System.Text;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Directory.ManageCalendar;
using static DistrictOps.Web.Modules.Directory.Contracts.SchoolTime;

namespace DistrictOps.UnitTests.Modules.Directory.ImportCalendar;

public sealed class SchoolCalendarIcsTests
{
    private const string FileName = "district-2026-27.ics";

    /// <summary>Lines 1-9; the first event a test adds begins on line 10.</summary>
    private static readonly string[] HeaderAndYear =
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Unified School District//Calendar//EN",
        "BEGIN:VEVENT",
        "SUMMARY:School year 2026-27",
        "CATEGORIES:INSTRUCTIONAL-YEAR",
        "DTSTART;VALUE=DATE:20260817",
        "DTEND;VALUE=DATE:20270605",
        "END:VEVENT",
    ];

    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private static SchoolCalendarFile Parse(string text) =>
        SchoolCalendarIcs.Parse(FileName, new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static SchoolCalendarFile ParseLines(params string[] lines) => Parse(string.Join("\r\n", lines) + "\r\n");

    private static SchoolCalendarFile WithYear(params string[] lines) => ParseLines([.. HeaderAndYear, .. lines, "END:VCALENDAR"]);

    private static string[] Event(params string[] properties) => ["BEGIN:VEVENT", .. properties, "END:VEVENT"];

    private static CalendarFileProblem SingleError(SchoolCalendarFile file)
    {
        var error = Assert.Single(file.Errors);
        Assert.Equal(FileName, error.FileName);
        return error;
    }

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Reads_the_year_the_days_off_and_the_minimum_days_of_a_calendar()
    {
        var file = WithYear(
        [
            .. Event("UID:veterans@district", "SUMMARY:Veterans Day", "CATEGORIES:NO-SCHOOL,HOLIDAY", "DTSTART;VALUE=DATE:20261111", "DTEND;VALUE=DATE:20261112"),
            .. Event("SUMMARY:Winter break\\, all schools and offices closed for the ho", " lidays", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:20261221", "DTEND;VALUE=DATE:20270102"),
            .. Event("SUMMARY:Staff development day", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:20261009"),
            .. Event("SUMMARY:Conference week minimum day", "CATEGORIES:MINIMUM-DAY", "DTSTART;TZID=America/Los_Angeles:20261023T070000", "DTEND;TZID=America/Los_Angeles:20261023T121500"),
            .. Event("SUMMARY:Homecoming game", "CATEGORIES:ATHLETICS", "DTSTART;TZID=America/Los_Angeles:20261016T190000", "DTEND;TZID=America/Los_Angeles:20261016T210000"),
        ]);

        Assert.Empty(file.Errors);
        Assert.Empty(file.Warnings);
        Assert.True(file.Succeeded);
        Assert.Equal([new InstructionalYear(Day(2026, 8, 17), Day(2027, 6, 4))], file.InstructionalYears);
        Assert.Equal(1 + 12 + 1, file.NoSchoolDates.Count);
        Assert.Equal(new NoSchoolDate(Day(2026, 10, 9), "Staff development day"), file.NoSchoolDates[0]);
        Assert.Equal(new NoSchoolDate(Day(2026, 11, 11), "Veterans Day"), file.NoSchoolDates[1]);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => Day(2026, 12, 21).AddDays(i)), file.NoSchoolDates.Skip(2).Select(d => d.Date));
        Assert.All(file.NoSchoolDates.Skip(2), d => Assert.Equal("Winter break, all schools and offices closed for the holidays", d.Name));
        var minimumDay = Assert.Single(file.MinimumDays);
        Assert.Equal(new MinimumDay(Day(2026, 10, 23), new SchoolHours(new TimeOnly(7, 0), new TimeOnly(12, 15)), "Conference week minimum day", "America/Los_Angeles", 29), minimumDay);
    }

    [Fact]
    public void Reads_several_years_and_days_given_with_a_duration()
    {
        var file = WithYear(
        [
            .. Event("SUMMARY:School year 2027-28", "CATEGORIES:INSTRUCTIONAL-YEAR", "DTSTART;VALUE=DATE:20270816", "DTEND;VALUE=DATE:20280603"),
            .. Event("SUMMARY:Thanksgiving break", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:20261123", "DURATION:P5D"),
            .. Event("SUMMARY:Early release", "CATEGORIES:MINIMUM-DAY", "DTSTART;TZID=America/Los_Angeles:20270910T073000", "DURATION:PT4H30M"),
        ]);

        Assert.Empty(file.Errors);
        Assert.Equal([new InstructionalYear(Day(2026, 8, 17), Day(2027, 6, 4)), new InstructionalYear(Day(2027, 8, 16), Day(2028, 6, 2))], file.InstructionalYears);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => Day(2026, 11, 23).AddDays(i)), file.NoSchoolDates.Select(d => d.Date));
        Assert.Equal(new SchoolHours(new TimeOnly(7, 30), new TimeOnly(12, 0)), Assert.Single(file.MinimumDays).Hours);
    }

    [Fact]
    public void Reads_files_with_bare_line_feeds_a_byte_order_mark_and_two_calendars()
    {
        var text = string.Join("\n", [.. HeaderAndYear, "END:VCALENDAR", "BEGIN:VCALENDAR", .. Event("SUMMARY:Labor Day", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:20260907"), "END:VCALENDAR"]);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var file = SchoolCalendarIcs.Parse(FileName, new MemoryStream(bytes));

        Assert.Empty(file.Errors);
        Assert.Single(file.InstructionalYears);
        Assert.Equal(Day(2026, 9, 7), Assert.Single(file.NoSchoolDates).Date);
    }

    [Fact]
    public void A_no_school_event_with_a_time_is_an_error_at_its_dtstart()
    {
        var file = WithYear(Event("SUMMARY:Winter break", "CATEGORIES:NO-SCHOOL", "DTSTART;TZID=America/Los_Angeles:20261221T080000", "DTEND;VALUE=DATE:20270102"));

        var error = SingleError(file);
        Assert.Equal(13, error.Line);
        Assert.Equal("NO-SCHOOL event 'Winter break' has a DTSTART with a time; expected an all-day date (DTSTART;VALUE=DATE:YYYYMMDD).", error.Message);
        Assert.Equal($"{FileName}: line 13: {error.Message}", error.ToString());
        Assert.False(file.Succeeded);
        Assert.Empty(file.NoSchoolDates);
    }

    [Fact]
    public void Line_numbers_count_physical_lines_through_folded_ones()
    {
        var file = WithYear(Event("SUMMARY:Winter", "  break", "CATEGORIES:", " NO-SCHOOL", "DTSTART:20261221T080000Z"));

        var error = SingleError(file);
        Assert.Equal(15, error.Line);
        Assert.StartsWith("NO-SCHOOL event 'Winter break' has a DTSTART with a time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_no_school_event_ending_with_a_time_is_an_error_at_its_dtend()
    {
        var file = WithYear(Event("SUMMARY:Winter break", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:20261221", "DTEND;TZID=America/Los_Angeles:20270102T080000"));

        var error = SingleError(file);
        Assert.Equal(14, error.Line);
        Assert.Equal("NO-SCHOOL event 'Winter break' has a DTEND with a time; expected an all-day date (DTEND;VALUE=DATE:YYYYMMDD, the day after the last day).", error.Message);
    }

    [Fact]
    public void An_event_without_categories_is_an_error_at_its_begin()
    {
        var file = WithYear(Event("SUMMARY:Spring break", "DTSTART;VALUE=DATE:20270329", "DTEND;VALUE=DATE:20270403"));

        var error = SingleError(file);
        Assert.Equal(10, error.Line);
        Assert.Equal("event 'Spring break' has no CATEGORIES; expected CATEGORIES:INSTRUCTIONAL-YEAR, NO-SCHOOL, MINIMUM-DAY (or another category to have it ignored).", error.Message);
    }

    [Fact]
    public void Events_of_other_categories_are_ignored_whatever_they_hold()
    {
        var file = WithYear(Event("SUMMARY:Board meeting", "CATEGORIES:BOARD", "DTSTART:20261014T180000", "RRULE:FREQ=MONTHLY"));

        Assert.Empty(file.Errors);
        Assert.Empty(file.NoSchoolDates);
        Assert.Empty(file.MinimumDays);
    }

    [Fact]
    public void An_event_in_two_of_the_known_categories_is_an_error()
    {
        var file = WithYear(Event("SUMMARY:Odd day", "CATEGORIES:NO-SCHOOL,MINIMUM-DAY", "DTSTART;VALUE=DATE:20261030"));

        var error = SingleError(file);
        Assert.Equal(12, error.Line);
        Assert.Contains("has CATEGORIES NO-SCHOOL and MINIMUM-DAY; expected exactly one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeating_event_is_an_error_pointing_at_its_rule()
    {
        var file = WithYear(Event("SUMMARY:Early release Wednesdays", "CATEGORIES:MINIMUM-DAY", "DTSTART;TZID=America/Los_Angeles:20260819T070000", "DTEND;TZID=America/Los_Angeles:20260819T130000", "RRULE:FREQ=WEEKLY;BYDAY=WE"));

        var error = SingleError(file);
        Assert.Equal(15, error.Line);
        Assert.StartsWith("MINIMUM-DAY event 'Early release Wednesdays' repeats (RRULE); expected one event per date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_an_instructional_year_is_an_error()
    {
        var file = ParseLines(["BEGIN:VCALENDAR", "VERSION:2.0", .. Event("SUMMARY:Labor Day", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:20260907"), "END:VCALENDAR"]);

        var error = SingleError(file);
        Assert.Null(error.Line);
        Assert.StartsWith("no INSTRUCTIONAL-YEAR event; expected at least one all-day event with CATEGORIES:INSTRUCTIONAL-YEAR", error.Message, StringComparison.Ordinal);
        Assert.Equal($"{FileName}: {error.Message}", error.ToString());
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void An_instructional_year_needs_all_day_dates_and_an_exclusive_end_after_its_start()
    {
        var timed = WithYear(Event("SUMMARY:Year", "CATEGORIES:INSTRUCTIONAL-YEAR", "DTSTART:20270816T080000", "DTEND;VALUE=DATE:20280603"));
        var endless = WithYear(Event("SUMMARY:Year", "CATEGORIES:INSTRUCTIONAL-YEAR", "DTSTART;VALUE=DATE:20270816"));
        var backwards = WithYear(Event("SUMMARY:Year", "CATEGORIES:INSTRUCTIONAL-YEAR", "DTSTART;VALUE=DATE:20270816", "DTEND;VALUE=DATE:20270816"));

        Assert.Equal((13, "INSTRUCTIONAL-YEAR event 'Year' has a DTSTART with a time; expected an all-day date (DTSTART;VALUE=DATE:YYYYMMDD)."), (SingleError(timed).Line, SingleError(timed).Message));
        Assert.Equal((10, "INSTRUCTIONAL-YEAR event 'Year' has no DTEND; expected DTEND;VALUE=DATE:YYYYMMDD, the day after the last day (DTEND is exclusive)."), (SingleError(endless).Line, SingleError(endless).Message));
        Assert.Equal((14, "INSTRUCTIONAL-YEAR event 'Year' ends 2027-08-16, not after it starts (2027-08-16); expected DTEND to be the day after the last day (DTEND is exclusive)."), (SingleError(backwards).Line, SingleError(backwards).Message));
    }

    [Fact]
    public void Overlapping_instructional_years_are_an_error_at_the_later_one()
    {
        var file = WithYear(Event("SUMMARY:Summer school", "CATEGORIES:INSTRUCTIONAL-YEAR", "DTSTART;VALUE=DATE:20270601", "DTEND;VALUE=DATE:20270702"));

        var error = SingleError(file);
        Assert.Equal(10, error.Line);
        Assert.Equal("INSTRUCTIONAL-YEAR 2027-06-01..2027-07-01 overlaps 2026-08-17..2027-06-04 (line 4); expected each year to end before the next begins.", error.Message);
    }

    [Fact]
    public void A_missing_or_unreadable_dtstart_is_an_error_at_its_line()
    {
        var missing = WithYear(Event("SUMMARY:Labor Day", "CATEGORIES:NO-SCHOOL"));
        var garbled = WithYear(Event("SUMMARY:Labor Day", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:2026-09-07"));
        var impossible = WithYear(Event("SUMMARY:Labor Day", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:20261307"));

        Assert.Equal((10, "NO-SCHOOL event 'Labor Day' has no DTSTART; expected DTSTART;VALUE=DATE:YYYYMMDD."), (SingleError(missing).Line, SingleError(missing).Message));
        Assert.Equal((13, "NO-SCHOOL event 'Labor Day' has DTSTART '2026-09-07', which is not a date; expected DTSTART;VALUE=DATE:YYYYMMDD."), (SingleError(garbled).Line, SingleError(garbled).Message));
        Assert.Equal(10, SingleError(impossible).Line);
        Assert.StartsWith("event 'Labor Day' could not be read (", SingleError(impossible).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_time_zone_is_an_error_at_its_line_and_the_other_events_are_still_read()
    {
        var file = WithYear(
        [
            .. Event("SUMMARY:Minimum day", "CATEGORIES:MINIMUM-DAY", "DTSTART;TZID=Pacific/Atlantis:20261023T070000", "DTEND;TZID=Pacific/Atlantis:20261023T120000"),
            .. Event("SUMMARY:Labor Day", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:20260907"),
        ]);

        Assert.Equal([13, 14], file.Errors.Select(e => e.Line));
        Assert.Equal("event 'Minimum day' has TZID 'Pacific/Atlantis', which is not a known time zone; expected an IANA id such as America/Los_Angeles.", file.Errors[0].Message);
        Assert.Single(file.NoSchoolDates);
    }

    [Fact]
    public void A_minimum_day_needs_local_times_with_a_time_zone_on_one_date()
    {
        static CalendarFileProblem Error(string start, string? end)
        {
            string[] properties = end is null ? ["SUMMARY:Minimum day", "CATEGORIES:MINIMUM-DAY", start] : ["SUMMARY:Minimum day", "CATEGORIES:MINIMUM-DAY", start, end];
            return SingleError(WithYear(Event(properties)));
        }

        const string Start = "DTSTART;TZID=America/Los_Angeles:20261023T070000";
        Assert.Equal(
            "MINIMUM-DAY event 'Minimum day' has an all-day DTSTART; expected the day's hours as local times (DTSTART;TZID=America/Los_Angeles:YYYYMMDDTHHMMSS).",
            Error("DTSTART;VALUE=DATE:20261023", "DTEND;VALUE=DATE:20261024").Message);
        Assert.Equal(
            "MINIMUM-DAY event 'Minimum day' has a DTSTART without TZID; expected a local time in the site's time zone (DTSTART;TZID=America/Los_Angeles:YYYYMMDDTHHMMSS).",
            Error("DTSTART:20261023T070000", "DTEND:20261023T120000").Message);
        Assert.Contains("has a DTSTART without TZID", Error("DTSTART:20261023T140000Z", "DTEND:20261023T190000Z").Message, StringComparison.Ordinal);
        Assert.Equal(
            (10, "MINIMUM-DAY event 'Minimum day' has no DTEND; expected when school lets out (DTEND;TZID=America/Los_Angeles:YYYYMMDDTHHMMSS)."),
            (Error(Start, null).Line, Error(Start, null).Message));
        Assert.Contains("has a DTEND that is not a local time with TZID", Error(Start, "DTEND:20261023T190000Z").Message, StringComparison.Ordinal);
        Assert.Equal(
            "MINIMUM-DAY event 'Minimum day' starts in America/Los_Angeles and ends in America/New_York; expected DTSTART and DTEND in the same time zone.",
            Error(Start, "DTEND;TZID=America/New_York:20261023T150000").Message);
        Assert.Equal(
            "MINIMUM-DAY event 'Minimum day' starts on 2026-10-23 and ends on 2026-10-24; expected DTSTART and DTEND on the same date.",
            Error(Start, "DTEND;TZID=America/Los_Angeles:20261024T120000").Message);
        Assert.Equal(
            (14, "MINIMUM-DAY event 'Minimum day' ends at 06:30, not after it starts (07:00); expected DTEND after DTSTART."),
            (Error(Start, "DTEND;TZID=America/Los_Angeles:20261023T063000").Line, Error(Start, "DTEND;TZID=America/Los_Angeles:20261023T063000").Message));
    }

    [Fact]
    public void Two_minimum_days_on_one_date_or_one_on_a_day_off_are_errors()
    {
        var file = WithYear(
        [
            .. Event("SUMMARY:Conferences", "CATEGORIES:MINIMUM-DAY", "DTSTART;TZID=America/Los_Angeles:20261023T070000", "DTEND;TZID=America/Los_Angeles:20261023T120000"),
            .. Event("SUMMARY:Conferences again", "CATEGORIES:MINIMUM-DAY", "DTSTART;TZID=America/Los_Angeles:20261023T070000", "DTEND;TZID=America/Los_Angeles:20261023T123000"),
            .. Event("SUMMARY:Veterans Day", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:20261111"),
            .. Event("SUMMARY:Holiday minimum day", "CATEGORIES:MINIMUM-DAY", "DTSTART;TZID=America/Los_Angeles:20261111T070000", "DTEND;TZID=America/Los_Angeles:20261111T120000"),
        ]);

        Assert.Equal(
            [
                "district-2026-27.ics: line 16: MINIMUM-DAY event 'Conferences again' is a second one on 2026-10-23 (first: 'Conferences', line 10); expected one per date.",
                "district-2026-27.ics: line 27: MINIMUM-DAY event 'Holiday minimum day' on 2026-11-11 falls on NO-SCHOOL 'Veterans Day' (line 22); expected a date with school.",
            ],
            file.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Days_off_outside_every_instructional_year_are_warnings_not_errors()
    {
        var file = WithYear(
        [
            .. Event("SUMMARY:Independence Day", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:20270705"),
            .. Event("SUMMARY:Last week", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:20270603", "DTEND;VALUE=DATE:20270610"),
            .. Event("SUMMARY:Summer minimum day", "CATEGORIES:MINIMUM-DAY", "DTSTART;TZID=America/Los_Angeles:20270708T080000", "DTEND;TZID=America/Los_Angeles:20270708T120000"),
        ]);

        Assert.Empty(file.Errors);
        Assert.Equal(
            [
                "district-2026-27.ics: line 10: NO-SCHOOL event 'Independence Day' on 2027-07-05 is outside every instructional year (2026-08-17..2027-06-04); it changes nothing.",
                "district-2026-27.ics: line 15: NO-SCHOOL event 'Last week' on 5 dates from 2027-06-05 to 2027-06-09 is outside every instructional year (2026-08-17..2027-06-04); it changes nothing.",
                "district-2026-27.ics: line 21: MINIMUM-DAY event 'Summer minimum day' on 2027-07-08 is outside every instructional year (2026-08-17..2027-06-04); it changes nothing.",
            ],
            file.Warnings.Select(w => w.ToString()));
        Assert.Equal(1 + 7, file.NoSchoolDates.Count);
    }

    [Fact]
    public void A_broken_layout_is_an_error_at_the_line_that_breaks_it()
    {
        var unclosed = ParseLines([.. HeaderAndYear, "BEGIN:VEVENT", "SUMMARY:Labor Day", "CATEGORIES:NO-SCHOOL"]);
        var mismatched = ParseLines([.. HeaderAndYear, "BEGIN:VEVENT", "SUMMARY:Labor Day", "END:VCALENDAR"]);
        var garbage = WithYear(Event("SUMMARY:Labor Day", "CATEGORIES:NO-SCHOOL", "this line is not ics", "DTSTART;VALUE=DATE:20260907"));

        Assert.Equal((10, "BEGIN:VEVENT is never closed; expected END:VEVENT before the end of the file."), (SingleError(unclosed).Line, SingleError(unclosed).Message));
        Assert.Equal((12, "END:VCALENDAR does not close BEGIN:VEVENT (line 10); expected END:VEVENT."), (SingleError(mismatched).Line, SingleError(mismatched).Message));
        Assert.Equal((13, "'this line is not ics' is not a content line; expected NAME:VALUE or NAME;PARAMETERS:VALUE."), (SingleError(garbage).Line, SingleError(garbage).Message));
    }

    [Fact]
    public void Lines_outside_the_calendar_are_errors_at_their_lines()
    {
        var file = ParseLines([" stray continuation", .. HeaderAndYear, "END:VCALENDAR", "X-WR-CALNAME:District", "END:VCALENDAR"]);

        Assert.Equal(
            [
                (1, "A folded line (starting with a space) continues nothing; expected it right after the line it continues."),
                (12, "X-WR-CALNAME is outside BEGIN:VCALENDAR..END:VCALENDAR; expected every property inside the calendar."),
                (13, "END:VCALENDAR closes nothing; expected a matching BEGIN:VCALENDAR before it."),
            ],
            file.Errors.Select(e => (e.Line ?? 0, e.Message)));
        Assert.Single(file.InstructionalYears);
    }

    [Fact]
    public void An_unreadable_dtend_is_an_error_at_its_line()
    {
        var file = WithYear(Event("SUMMARY:Winter break", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:20261221", "DTEND;VALUE=DATE:next-year"));

        var error = SingleError(file);
        Assert.Equal((14, "NO-SCHOOL event 'Winter break' has DTEND 'next-year', which is not a date; expected a value like its DTSTART's."), (error.Line, error.Message));
    }

    [Fact]
    public void A_file_that_is_not_a_calendar_is_an_error()
    {
        Assert.Equal("No BEGIN:VCALENDAR found; expected an iCalendar (.ics) file.", SingleError(Parse("")).Message);
        Assert.Equal((1, "BEGIN:VEVENT comes before BEGIN:VCALENDAR; expected the file to start with BEGIN:VCALENDAR."), (SingleError(ParseLines("BEGIN:VEVENT", "END:VEVENT")).Line, SingleError(ParseLines("BEGIN:VEVENT", "END:VEVENT")).Message));
    }

    [Fact]
    public void A_parsed_calendar_becomes_a_schedule_that_counts_a_week_with_a_holiday_and_a_minimum_day()
    {
        var file = WithYear(
        [
            .. Event("SUMMARY:Veterans Day", "CATEGORIES:NO-SCHOOL", "DTSTART;VALUE=DATE:20261111", "DTEND;VALUE=DATE:20261112"),
            .. Event("SUMMARY:Minimum day", "CATEGORIES:MINIMUM-DAY", "DTSTART;TZID=America/Los_Angeles:20261113T070000", "DTEND;TZID=America/Los_Angeles:20261113T120000"),
        ]);

        var schedule = SchoolCalendarIcs.ToSchedule(file, LosAngeles);

        var monday = new DateTimeOffset(2026, 11, 9, 0, 0, 0, TimeSpan.FromHours(-8));
        Assert.Equal(TimeSpan.FromHours(8 + 8 + 0 + 8 + 5), SchoolTimeBetween(schedule, monday, monday.AddDays(7)));
        Assert.False(IsInstructionalDay(schedule, Day(2026, 11, 11)));
        Assert.Equal(Day(2027, 6, 4), schedule.LastDay);
    }

    [Fact]
    public void A_schedule_takes_the_weekday_hours_it_is_given()
    {
        var file = WithYear();
        var wednesdaysShort = new Dictionary<DayOfWeek, SchoolHours>(SchoolSchedule.DefaultWeeklyHours) { [DayOfWeek.Wednesday] = new(new TimeOnly(8, 0), new TimeOnly(13, 0)) };

        var schedule = SchoolCalendarIcs.ToSchedule(file, LosAngeles, wednesdaysShort);

        var monday = new DateTimeOffset(2026, 11, 9, 0, 0, 0, TimeSpan.FromHours(-8));
        Assert.Equal(TimeSpan.FromHours(8 + 8 + 5 + 8 + 8), SchoolTimeBetween(schedule, monday, monday.AddDays(7)));
    }

    [Fact]
    public void A_calendar_with_errors_or_minimum_days_in_another_zone_makes_no_schedule()
    {
        var broken = WithYear(Event("SUMMARY:Spring break"));
        var eastern = WithYear(Event("SUMMARY:Minimum day", "CATEGORIES:MINIMUM-DAY", "DTSTART;TZID=America/New_York:20261113T070000", "DTEND;TZID=America/New_York:20261113T120000"));

        var failure = Assert.Throws<ArgumentException>(() => SchoolCalendarIcs.ToSchedule(broken, LosAngeles));
        Assert.Contains("has 1 error(s), the first: district-2026-27.ics: line 10: event 'Spring break' has no CATEGORIES", failure.Message, StringComparison.Ordinal);
        var zone = Assert.Throws<ArgumentException>(() => SchoolCalendarIcs.ToSchedule(eastern, LosAngeles));
        Assert.Contains("line 10: MINIMUM-DAY event 'Minimum day' is in America/New_York but the site is in America/Los_Angeles", zone.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(5), SchoolTimeBetween(SchoolCalendarIcs.ToSchedule(eastern, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")), new DateTimeOffset(2026, 11, 13, 0, 0, 0, TimeSpan.FromHours(-5)), new DateTimeOffset(2026, 11, 14, 0, 0, 0, TimeSpan.FromHours(-5))));
    }
}
