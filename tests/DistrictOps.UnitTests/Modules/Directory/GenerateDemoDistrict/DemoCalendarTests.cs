using System.Text;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Directory.ManageCalendar;

namespace DistrictOps.UnitTests.Modules.Directory.GenerateDemoDistrict;

public sealed class DemoCalendarTests(DemoDistrictFixture district) : IClassFixture<DemoDistrictFixture>
{
    private byte[] Bytes => File.ReadAllBytes(Path.Combine(district.Directory, "calendar", "bayview-2026-27.ics"));

    [Fact]
    public void Lines_end_in_crlf_and_none_is_longer_than_75_octets()
    {
        var bytes = Bytes;
        var lines = 0;
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                Assert.True(i > 0 && bytes[i - 1] == '\r', $"bare LF at byte {i}");
                Assert.True(i - 1 - start <= 75, $"line {lines + 1} has {i - 1 - start} octets");
                start = i + 1;
                lines++;
            }
            else if (bytes[i] == '\r')
            {
                Assert.True(i + 1 < bytes.Length && bytes[i + 1] == '\n', $"bare CR at byte {i}");
            }
        }

        Assert.Equal(bytes.Length, start);
        Assert.True(lines > 50);
        Assert.Contains(Unfolded(), l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal) && Encoding.UTF8.GetByteCount(l) > 75);
    }

    [Fact]
    public void The_calendar_has_the_instructional_year_the_days_without_school_and_minimum_days()
    {
        var lines = Unfolded();
        var events = Events(lines);

        Assert.Equal(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//DistrictOps//Demo district//EN"], lines.Take(3));
        Assert.Contains("X-WR-TIMEZONE:America/Los_Angeles", lines);
        Assert.Contains("TZID:America/Los_Angeles", lines);
        Assert.Equal("END:VCALENDAR", lines[^1]);

        var year = Assert.Single(events, e => e["CATEGORIES"] == "INSTRUCTIONAL-YEAR");
        Assert.Equal("School year 2026-27", year["SUMMARY"]);
        Assert.Equal("20260812", year["DTSTART;VALUE=DATE"]);
        Assert.Equal("20270604", year["DTEND;VALUE=DATE"]);

        var noSchool = events.Where(e => e["CATEGORIES"] == "NO-SCHOOL").ToDictionary(e => e["DTSTART;VALUE=DATE"], e => e["DTEND;VALUE=DATE"], StringComparer.Ordinal);
        Assert.Equal("20260908", noSchool["20260907"]);
        Assert.Equal("20261128", noSchool["20261123"]);
        Assert.Equal("20270102", noSchool["20261221"]);
        Assert.Equal("20270403", noSchool["20270329"]);
        Assert.Equal("20270601", noSchool["20270531"]);
        Assert.True(noSchool.Count >= 12);

        var minimum = events.Where(e => e["CATEGORIES"] == "MINIMUM-DAY").ToList();
        Assert.Contains(minimum, e => e["DTSTART;TZID=America/Los_Angeles"] == "20261120T070000" && e["DTEND;TZID=America/Los_Angeles"] == "20261120T123000");
        Assert.Contains(minimum, e => e["DTSTART;TZID=America/Los_Angeles"] == "20270603T070000");
        Assert.All(events, e =>
        {
            Assert.Equal("20260701T000000Z", e["DTSTAMP"]);
            Assert.EndsWith("@calendar.bayview.example", e["UID"], StringComparison.Ordinal);
        });
        Assert.Equal(events.Count, events.Select(e => e["UID"]).Distinct().Count());
    }

    [Fact]
    public void The_calendar_reads_back_as_the_school_year_it_describes()
    {
        var path = System.IO.Directory.EnumerateFiles(Path.Combine(district.Directory, "calendar"), "*.ics").Single();
        using var stream = File.OpenRead(path);

        var calendar = SchoolCalendarIcs.Parse(Path.GetFileName(path), stream);
        var schedule = SchoolCalendarIcs.ToSchedule(calendar, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));

        Assert.True(calendar.Succeeded, string.Join("; ", calendar.Errors));
        Assert.Equal(new DateOnly(2026, 8, 12), schedule.FirstDay);
        Assert.Equal(new DateOnly(2027, 6, 3), schedule.LastDay);
        Assert.False(DistrictOps.Web.Modules.Directory.Contracts.SchoolTime.IsInstructionalDay(schedule, new DateOnly(2026, 11, 25)));
        Assert.Equal(new SchoolHours(new TimeOnly(7, 0), new TimeOnly(12, 30)), schedule.HoursOn(new DateOnly(2026, 11, 20)));
    }

    private List<string> Unfolded()
    {
        var lines = new List<string>();
        foreach (var line in Encoding.UTF8.GetString(Bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith(' '))
            {
                lines[^1] += line[1..];
            }
            else
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static List<Dictionary<string, string>> Events(List<string> lines)
    {
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines)
        {
            if (line == "BEGIN:VEVENT")
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (line == "END:VEVENT")
            {
                events.Add(current!);
                current = null;
            }
            else if (current is not null)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                current[line[..colon]] = line[(colon + 1)..];
            }
        }

        return events;
    }
}
