using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Reports;
using DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

namespace DistrictOps.UnitTests.Modules.Helpdesk.ReportOnService;

public sealed class ReportFilterTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly SiteSummary School = new(Guid.NewGuid(), "org-es-01", "Harbor View Elementary", "Elementary", 420);
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public void Without_dates_a_report_covers_the_last_thirty_days_up_to_today()
    {
        var filter = ReportFilter.Parse(null, "", null, Today, [School]).Value!;
        Assert.Equal((new DateOnly(2026, 10, 30), Today, (Guid?)null, 30), (filter.From, filter.To, filter.SiteId, filter.DayCount));
    }

    [Theory]
    [InlineData("2026-11-10", "2026-11-01", "to")]
    [InlineData("2025-01-01", "2026-01-02", "to")]
    [InlineData("2026-13-01", null, "from")]
    [InlineData(null, "yesterday", "to")]
    public void Bad_dates_are_named(string? from, string? to, string field) =>
        Assert.Equal([field], ReportFilter.Parse(from, to, null, Today, [School]).Failure!.Errors.Keys);

    [Fact]
    public void A_whole_leap_year_fits_and_an_unknown_site_is_named()
    {
        Assert.Equal(366, ReportFilter.Parse("2024-01-01", "2024-12-31", null, Today, [School]).Value!.DayCount);
        Assert.Equal(["site"], ReportFilter.Parse(null, null, Guid.NewGuid().ToString(), Today, [School]).Failure!.Errors.Keys);
        Assert.Equal(["site"], ReportFilter.Parse(null, null, "harbor", Today, [School]).Failure!.Errors.Keys);
        Assert.Equal(School.Id, ReportFilter.Parse(null, null, School.Id.ToString(), Today, [School]).Value!.SiteId);
    }

    [Fact]
    public void Local_days_follow_daylight_saving_in_the_sql_day_expression()
    {
        // 2026-11-01 is the fall-back day in Los Angeles: PDT (-7 h) until 09:00 UTC, PST (-8 h) after.
        var start = LocalDays.StartOf(LosAngeles, new DateOnly(2026, 10, 31));
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 7, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), LocalDays.StartOf(LosAngeles, new DateOnly(2026, 11, 2)));

        var offsets = LocalDays.Offsets(LosAngeles, start, start.AddDays(4));
        Assert.Equal([(start.ToUnixTimeSeconds(), -7 * 3600), (new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), -8 * 3600)], offsets);

        var sql = LocalDays.DaySql("E", offsets);
        Assert.Equal($"(CASE WHEN E < {offsets[1].From} THEN (E + -25200) / 86400 ELSE (E + -28800) / 86400 END)", sql);
        long Day(DateTimeOffset instant)
        {
            var e = instant.ToUnixTimeSeconds();
            return e < offsets[1].From ? (e - 25200) / 86400 : (e - 28800) / 86400;
        }

        Assert.Equal(new DateOnly(2026, 10, 31), LocalDays.FromDayNumber(Day(new DateTimeOffset(2026, 11, 1, 6, 59, 0, TimeSpan.Zero))));
        Assert.Equal(new DateOnly(2026, 11, 1), LocalDays.FromDayNumber(Day(new DateTimeOffset(2026, 11, 1, 7, 0, 0, TimeSpan.Zero))));
        Assert.Equal(new DateOnly(2026, 11, 1), LocalDays.FromDayNumber(Day(new DateTimeOffset(2026, 11, 2, 7, 59, 0, TimeSpan.Zero))));
        Assert.Equal(new DateOnly(2026, 11, 2), LocalDays.FromDayNumber(Day(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero))));
        Assert.Equal(LocalDays.UnixDay(new DateOnly(2026, 11, 2)), Day(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(new[] { 10 }, 0.5, 10.0)]
    [InlineData(new[] { 10, 20 }, 0.5, 15.0)]
    [InlineData(new[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 0.9, 91.0)]
    [InlineData(new[] { 1, 2, 3, 4 }, 0.9, 3.7)]
    public void Percentiles_interpolate_like_percentile_cont(int[] sorted, double fraction, double expected) =>
        Assert.Equal(expected, Percentiles.Continuous(sorted, fraction));

    [Fact]
    public void No_values_have_no_percentile() => Assert.Null(Percentiles.Continuous([], 0.5));

    [Fact]
    public void Minute_counts_give_the_percentiles_of_the_values_and_survive_storing()
    {
        var random = new Random(14);
        var site = Guid.NewGuid();
        var values = Enumerable.Range(0, 2_001).Select(_ => random.Next(100) < 3 ? random.Next(0, 200_000) : random.Next(0, 600)).ToList();
        var counts = new MinuteCounts();
        foreach (var value in values)
        {
            counts.Add(site, 4, 3, value);
        }

        var sorted = values.Order().ToList();
        var expected = new TimeFigures(values.Count, Percentiles.Continuous(sorted, 0.5), Percentiles.Continuous(sorted, 0.9));
        Assert.Equal(expected, counts.Figures(MinuteCounts.TimeGrouping.All, ""));
        Assert.Equal(expected, counts.Figures(MinuteCounts.TimeGrouping.Site, site.ToString()));
        Assert.Equal(expected, counts.Figures(MinuteCounts.TimeGrouping.Priority, "3"));
        Assert.Equal(new TimeFigures(0, null, null), counts.Figures(MinuteCounts.TimeGrouping.Priority, "2"));

        // Stored as bytes and read back: the same figures; read back twice, those of every value twice.
        var stored = counts.Encode(MinuteCounts.TimeGrouping.Team, "4");
        var read = new MinuteCounts();
        read.AddEncoded(MinuteCounts.TimeGrouping.Team, "4", stored);
        Assert.Equal(expected, read.Figures(MinuteCounts.TimeGrouping.Team, "4"));
        read.AddEncoded(MinuteCounts.TimeGrouping.Team, "4", stored);
        var twice = sorted.SelectMany(v => new[] { v, v }).ToList();
        Assert.Equal(new TimeFigures(twice.Count, Percentiles.Continuous(twice, 0.5), Percentiles.Continuous(twice, 0.9)), read.Figures(MinuteCounts.TimeGrouping.Team, "4"));
        var merged = new MinuteCounts();
        merged.AddEncoded(MinuteCounts.TimeGrouping.Site, "s", MinuteCounts.Merge([stored, stored]));
        Assert.Equal(read.Figures(MinuteCounts.TimeGrouping.Team, "4"), merged.Figures(MinuteCounts.TimeGrouping.Site, "s"));
        Assert.Empty(MinuteCounts.Merge([]));
    }
}
