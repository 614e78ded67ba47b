using System.Globalization;
using DistrictOps.Web.Platform.Time;

namespace DistrictOps.UnitTests.Platform.Time;

public sealed class DistrictTimeTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    [Fact]
    public void An_instant_is_shown_on_the_districts_clock_in_the_cultures_words()
    {
        var time = At("2026-12-08T18:14:00Z");

        Assert.Equal("Sat 5 Dec 2026, 10:14 AM", time.Absolute(Utc("2026-12-05T18:14:00Z"), culture: English));
        Assert.Equal("sáb 5 dic 2026, 10:14", time.Absolute(Utc("2026-12-05T18:14:00Z"), culture: Spanish));
    }

    [Theory]
    [InlineData("2026-03-08T09:59:00Z", "Sun 8 Mar 2026, 1:59 AM")]
    [InlineData("2026-03-08T10:00:00Z", "Sun 8 Mar 2026, 3:00 AM")]
    [InlineData("2026-11-01T08:30:00Z", "Sun 1 Nov 2026, 1:30 AM")]
    [InlineData("2026-11-01T09:30:00Z", "Sun 1 Nov 2026, 1:30 AM")]
    [InlineData("2026-11-01T10:30:00Z", "Sun 1 Nov 2026, 2:30 AM")]
    public void Daylight_saving_changes_in_the_districts_zone_move_the_clock(string instant, string shown)
    {
        Assert.Equal(shown, At(instant).Absolute(Utc(instant), culture: English));
    }

    [Fact]
    public void A_sites_zone_shows_its_own_clock()
    {
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

        Assert.Equal("Sat 5 Dec 2026, 12:14 PM", At("2026-12-05T18:14:00Z").Absolute(Utc("2026-12-05T18:14:00Z"), chicago, English));
    }

    [Theory]
    [InlineData("2026-12-06T07:59:00Z", "2026-12-05")]
    [InlineData("2026-12-06T08:00:00Z", "2026-12-06")]
    [InlineData("2026-07-06T06:59:00Z", "2026-07-05")]
    [InlineData("2026-07-06T07:00:00Z", "2026-07-06")]
    public void Today_is_the_districts_date_not_the_utc_one(string now, string today)
    {
        Assert.Equal(DateOnly.Parse(today, CultureInfo.InvariantCulture), At(now).Today);
    }

    [Theory]
    [InlineData("2026-12-05T12:00:30Z", "just now", "ahora mismo")]
    [InlineData("2026-12-05T11:55:00Z", "5 min ago", "hace 5 min")]
    [InlineData("2026-12-05T14:00:00Z", "in 2 h", "en 2 h")]
    [InlineData("2026-12-05T14:59:00Z", "in 2 h", "en 2 h")]
    [InlineData("2026-12-04T07:00:00Z", "1 day ago", "hace 1 día")]
    [InlineData("2026-12-02T11:00:00Z", "3 days ago", "hace 3 días")]
    [InlineData("2026-12-08T12:00:00Z", "in 3 days", "en 3 días")]
    public void Relative_times_count_whole_units_before_or_after_now(string instant, string english, string spanish)
    {
        var time = At("2026-12-05T12:00:00Z");

        Assert.Equal(english, time.Relative(Utc(instant), English));
        Assert.Equal(spanish, time.Relative(Utc(instant), Spanish));
    }

    [Theory]
    [InlineData(120, "in 2 h of school time", "en 2 h de horario escolar")]
    [InlineData(40, "in 40 min of school time", "en 40 min de horario escolar")]
    [InlineData(150, "in 2 h 30 min of school time", "en 2 h 30 min de horario escolar")]
    public void Service_level_deadlines_say_how_much_school_time_is_left(int minutes, string english, string spanish)
    {
        Assert.Equal(english, DistrictTime.SchoolTimeLeft(TimeSpan.FromMinutes(minutes), English));
        Assert.Equal(spanish, DistrictTime.SchoolTimeLeft(TimeSpan.FromMinutes(minutes), Spanish));
    }

    [Fact]
    public void School_time_left_refuses_a_deadline_already_passed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DistrictTime.SchoolTimeLeft(TimeSpan.FromMinutes(-1), English));
    }

    [Fact]
    public async Task A_sites_zone_is_asked_for_once_per_request()
    {
        var zones = new FixedZones();
        var time = new DistrictTime(zones, new FixedClock(Utc("2026-12-05T12:00:00Z")));
        var site = Guid.NewGuid();

        await time.ZoneOfSiteAsync(site);
        var zone = await time.ZoneOfSiteAsync(site);

        Assert.Equal("America/Chicago", zone.Id);
        Assert.Equal(1, zones.SiteLookups);
    }

    internal static DistrictTime At(string now) => new(new FixedZones(), new FixedClock(Utc(now)));

    internal static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    internal sealed class FixedZones : IDistrictTimeZones
    {
        public int SiteLookups { get; private set; }

        public TimeZoneInfo District { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

        public Task<TimeZoneInfo> ForSiteAsync(Guid siteId, CancellationToken cancellationToken = default)
        {
            SiteLookups++;
            return Task.FromResult(TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        }
    }

    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
