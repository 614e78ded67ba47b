using System.Globalization;

namespace DistrictOps.Web.Platform.Time;

/// <summary>
/// The one way an instant is shown: in the district's time zone (or a site's), absolute as "Sat 5 Dec 2026, 10:14 AM" in the
/// culture's words, or relative to now ("3 days ago", "in 2 h", "in 2 h of school time"). Instants stay UTC everywhere else.
/// </summary>
public sealed class DistrictTime(IDistrictTimeZones zones, TimeProvider clock)
{
    private readonly Dictionary<Guid, TimeZoneInfo> _siteZones = [];

    public TimeZoneInfo Zone => zones.District;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The date on the district's calendars right now.</summary>
    public DateOnly Today => DayOf(Now);

    /// <summary>The date on the district's calendars at an instant.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(InDistrict(instant).DateTime);

    public DateTimeOffset InDistrict(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant (UTC) a district day begins, for filters that take days.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public async Task<TimeZoneInfo> ZoneOfSiteAsync(Guid siteId, CancellationToken cancellationToken = default)
    {
        if (!_siteZones.TryGetValue(siteId, out var zone))
        {
            zone = await zones.ForSiteAsync(siteId, cancellationToken);
            _siteZones[siteId] = zone;
        }

        return zone;
    }

    /// <summary>The instant as the district's clocks (or <paramref name="zone"/>'s) show it, in <paramref name="culture"/> (default: the request's).</summary>
    public string Absolute(DateTimeOffset instant, TimeZoneInfo? zone = null, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var local = TimeZoneInfo.ConvertTime(instant, zone ?? Zone);
        // ICU writes a narrow no-break space before AM/PM; HTML encoders escape it and plain-text mail shows it badly.
        return local.ToString("ddd d MMM yyyy, " + culture.DateTimeFormat.ShortTimePattern, culture).Replace('\u202F', ' ');
    }

    /// <summary>The instant for a terminal or a file read anywhere: the district's clock in 24-hour time, naming the zone.</summary>
    public string AbsoluteWithZone(DateTimeOffset instant) => $"{Absolute(instant, culture: CultureInfo.InvariantCulture)} {Zone.Id}";

    /// <summary>How long ago or ahead of now the instant is, in whole minutes, hours or days: "3 days ago", "in 2 h".</summary>
    public string Relative(DateTimeOffset instant, CultureInfo? culture = null)
    {
        var words = Words.For(culture ?? CultureInfo.CurrentCulture);
        var distance = instant - Now;
        if (distance.Duration() < TimeSpan.FromMinutes(1))
        {
            return words.JustNow;
        }

        var amount = Amount(distance.Duration(), words);
        return distance < TimeSpan.Zero ? string.Format(words.Culture, words.Ago, amount) : string.Format(words.Culture, words.In, amount);
    }

    /// <summary>A service-level deadline counted in school time: "in 2 h of school time", "in 40 min of school time".</summary>
    public static string SchoolTimeLeft(TimeSpan left, CultureInfo? culture = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(left, TimeSpan.Zero);
        var words = Words.For(culture ?? CultureInfo.CurrentCulture);
        var minutes = (int)left.TotalMinutes;
        var amount = minutes < 60 ? string.Format(words.Culture, "{0} min", minutes)
            : minutes % 60 == 0 ? string.Format(words.Culture, "{0} h", minutes / 60)
            : string.Format(words.Culture, "{0} h {1} min", minutes / 60, minutes % 60);
        return string.Format(words.Culture, words.InSchoolTime, amount);
    }

    private static string Amount(TimeSpan distance, Words words) => distance switch
    {
        { TotalHours: < 1 } => string.Format(words.Culture, "{0} min", (int)distance.TotalMinutes),
        { TotalDays: < 1 } => string.Format(words.Culture, "{0} h", (int)distance.TotalHours),
        { TotalDays: < 2 } => words.OneDay,
        _ => string.Format(words.Culture, words.Days, (int)distance.TotalDays),
    };

    /// <summary>The few words relative times need, in the UI's two languages.</summary>
    private sealed record Words(CultureInfo Culture, string JustNow, string Ago, string In, string InSchoolTime, string OneDay, string Days)
    {
        private static readonly Words English = new(CultureInfo.GetCultureInfo("en"), "just now", "{0} ago", "in {0}", "in {0} of school time", "1 day", "{0} days");

        private static readonly Words Spanish = new(CultureInfo.GetCultureInfo("es"), "ahora mismo", "hace {0}", "en {0}", "en {0} de horario escolar", "1 día", "{0} días");

        public static Words For(CultureInfo culture) => culture.TwoLetterISOLanguageName == "es" ? Spanish : English;
    }
}
