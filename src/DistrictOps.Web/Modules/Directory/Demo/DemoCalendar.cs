using System.Globalization;
using System.Text;

namespace DistrictOps.Web.Modules.Directory.Demo;

internal sealed record AllDayEvent(string Key, string Category, string Summary, DateOnly First, DateOnly Last, string? Description = null);

internal sealed record TimedEvent(string Key, string Category, string Summary, DateOnly Day, TimeOnly Start, TimeOnly End, string? Description = null);

/// <summary>
/// The 2026-27 calendar as RFC 5545 text: the instructional year, the days without school (a typical California
/// year) and minimum days with early release. CRLF line endings and lines folded at 75 octets, as the RFC requires.
/// </summary>
internal static class DemoCalendar
{
    public const string RelativePath = "calendar/bayview-2026-27.ics";
    public const string TimeZone = "America/Los_Angeles";
    public const string InstructionalYear = "INSTRUCTIONAL-YEAR";
    public const string NoSchool = "NO-SCHOOL";
    public const string MinimumDay = "MINIMUM-DAY";
    private const int MaxOctets = 75;
    private const string Stamp = "20260701T000000Z";

    public static readonly IReadOnlyList<AllDayEvent> Days =
    [
        new("school-year", InstructionalYear, "School year 2026-27", DemoSchoolYear.FirstDay, DemoSchoolYear.LastDay,
            "First to last instructional day of Bayview Unified School District. Generated demo data; every person in it is fictional."),
        new("labor-day", NoSchool, "Labor Day", new(2026, 9, 7), new(2026, 9, 7)),
        new("staff-development", NoSchool, "Staff development day (no students)", new(2026, 10, 9), new(2026, 10, 9)),
        new("veterans-day", NoSchool, "Veterans Day", new(2026, 11, 11), new(2026, 11, 11)),
        new("thanksgiving-break", NoSchool, "Thanksgiving break", new(2026, 11, 23), new(2026, 11, 27)),
        new("winter-break", NoSchool, "Winter break", new(2026, 12, 21), new(2027, 1, 1)),
        new("staff-development", NoSchool, "Staff development day (no students)", new(2027, 1, 4), new(2027, 1, 4)),
        new("mlk-day", NoSchool, "Martin Luther King Jr. Day", new(2027, 1, 18), new(2027, 1, 18)),
        new("lincoln-day", NoSchool, "Lincoln Day", new(2027, 2, 12), new(2027, 2, 12)),
        new("presidents-day", NoSchool, "Presidents' Day", new(2027, 2, 15), new(2027, 2, 15)),
        new("spring-break", NoSchool, "Spring break", new(2027, 3, 29), new(2027, 4, 2)),
        new("cesar-chavez-day", NoSchool, "Cesar Chavez Day", new(2027, 3, 31), new(2027, 3, 31), "Falls during spring break this year."),
        new("memorial-day", NoSchool, "Memorial Day", new(2027, 5, 31), new(2027, 5, 31)),
    ];

    public static readonly IReadOnlyList<TimedEvent> MinimumDays =
    [
        new("minimum-day", MinimumDay, "Minimum day: early release at 12:30", new(2026, 11, 20), new(7, 0), new(12, 30)),
        new("minimum-day", MinimumDay, "Minimum day: early release at 12:30", new(2026, 12, 18), new(7, 0), new(12, 30)),
        new("minimum-day", MinimumDay, "Last day of school: early release at 12:30", new(2027, 6, 3), new(7, 0), new(12, 30)),
    ];

    public static int EventCount => Days.Count + MinimumDays.Count;

    public static void Write(string directory)
    {
        var path = Path.Combine(directory, RelativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        foreach (var line in Lines())
        {
            foreach (var part in Fold(line))
            {
                writer.Write(part);
                writer.Write("\r\n");
            }
        }
    }

    private static IEnumerable<string> Lines()
    {
        yield return "BEGIN:VCALENDAR";
        yield return "VERSION:2.0";
        yield return "PRODID:-//DistrictOps//Demo district//EN";
        yield return "CALSCALE:GREGORIAN";
        yield return "METHOD:PUBLISH";
        yield return "X-WR-CALNAME:" + Text(DistrictPlan.DistrictName + " 2026-27");
        yield return "X-WR-TIMEZONE:" + TimeZone;

        // Pacific time since 2007: daylight time from the second Sunday of March to the first Sunday of November.
        yield return "BEGIN:VTIMEZONE";
        yield return "TZID:" + TimeZone;
        yield return "BEGIN:DAYLIGHT";
        yield return "TZOFFSETFROM:-0800";
        yield return "TZOFFSETTO:-0700";
        yield return "TZNAME:PDT";
        yield return "DTSTART:20070311T020000";
        yield return "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU";
        yield return "END:DAYLIGHT";
        yield return "BEGIN:STANDARD";
        yield return "TZOFFSETFROM:-0700";
        yield return "TZOFFSETTO:-0800";
        yield return "TZNAME:PST";
        yield return "DTSTART:20071104T020000";
        yield return "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU";
        yield return "END:STANDARD";
        yield return "END:VTIMEZONE";

        foreach (var day in Days)
        {
            yield return "BEGIN:VEVENT";
            yield return "UID:" + Uid(day.Key, day.First);
            yield return "DTSTAMP:" + Stamp;
            yield return "DTSTART;VALUE=DATE:" + Date(day.First);
            yield return "DTEND;VALUE=DATE:" + Date(day.Last.AddDays(1));
            yield return "SUMMARY:" + Text(day.Summary);
            if (day.Description is not null)
            {
                yield return "DESCRIPTION:" + Text(day.Description);
            }

            yield return "CATEGORIES:" + day.Category;
            yield return "TRANSP:TRANSPARENT";
            yield return "END:VEVENT";
        }

        foreach (var minimum in MinimumDays)
        {
            yield return "BEGIN:VEVENT";
            yield return "UID:" + Uid(minimum.Key, minimum.Day);
            yield return "DTSTAMP:" + Stamp;
            yield return $"DTSTART;TZID={TimeZone}:{Date(minimum.Day)}T{Time(minimum.Start)}";
            yield return $"DTEND;TZID={TimeZone}:{Date(minimum.Day)}T{Time(minimum.End)}";
            yield return "SUMMARY:" + Text(minimum.Summary);
            yield return "CATEGORIES:" + minimum.Category;
            yield return "TRANSP:TRANSPARENT";
            yield return "END:VEVENT";
        }

        yield return "END:VCALENDAR";
    }

    /// <summary>Splits a content line into lines of at most 75 octets, continuation lines starting with a space (RFC 5545 3.1).</summary>
    internal static IEnumerable<string> Fold(string line)
    {
        var start = 0;
        var octets = 0;
        var index = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > MaxOctets)
            {
                yield return (start == 0 ? "" : " ") + line[start..index];
                start = index;
                octets = 1;
            }

            octets += rune.Utf8SequenceLength;
            index += rune.Utf16SequenceLength;
        }

        yield return (start == 0 ? "" : " ") + line[start..];
    }

    private static string Uid(string key, DateOnly day) => $"{key}-{Date(day)}@calendar.bayview.example";

    private static string Date(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly time) => time.ToString("HHmmss", CultureInfo.InvariantCulture);

    private static string Text(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
}
