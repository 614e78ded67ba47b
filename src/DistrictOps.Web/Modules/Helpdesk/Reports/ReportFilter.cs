using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Time;

namespace DistrictOps.Web.Modules.Helpdesk.Reports;

/// <summary>Which days (inclusive, in the district's time zone) and, optionally, which site a report covers.</summary>
public sealed record ReportFilter(DateOnly From, DateOnly To, Guid? SiteId)
{
    public const int MaxDays = 366;

    public const int DefaultDays = 30;

    public int DayCount => To.DayNumber - From.DayNumber + 1;

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, DayCount).Select(From.AddDays);

    /// <summary>
    /// Reads the query's text values; a bad one is reported under its own name, dates as every list reads them
    /// (<see cref="QueryReader.Days"/>). Without dates the report covers the last <see cref="DefaultDays"/> days up to
    /// <paramref name="today"/>; with one date the other is set that many days away.
    /// </summary>
    public static Result<ReportFilter> Parse(string? from, string? to, string? site, DateOnly today, IReadOnlyCollection<SiteSummary> sites)
    {
        var dates = QueryReader.Of(("from", from), ("to", to));
        var (fromDate, toDate) = dates.Days();
        var errors = dates.Errors;
        Guid? siteId = null;
        if (!string.IsNullOrWhiteSpace(site))
        {
            if (Guid.TryParse(site, out var id) && sites.Any(s => s.Id == id))
            {
                siteId = id;
            }
            else
            {
                errors.Add("site", "Choose a site from the list (its id), or leave it empty for every site.");
            }
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var (first, last) = (fromDate, toDate) switch
        {
            (null, null) => (today.AddDays(1 - DefaultDays), today),
            ({ } f, null) => (f, f.AddDays(DefaultDays - 1)),
            (null, { } t) => (t.AddDays(1 - DefaultDays), t),
            ({ } f, { } t) => (f, t),
        };
        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return Result.Invalid("to", "A report covers at most 366 days; choose a shorter range.");
        }

        return new ReportFilter(first, last, siteId);
    }
}

/// <summary>
/// The district's days for reports (<see cref="DistrictTime"/>, the zone the school calendar uses): report days start and end
/// at its midnights, daylight saving included.
/// </summary>
public sealed class ReportClock(DistrictTime time)
{
    public TimeZoneInfo Zone => time.Zone;

    public DateOnly Today => time.Today;

    public DateOnly DayOf(DateTimeOffset instant) => time.DayOf(instant);

    public DateTimeOffset Now => time.Now;

    /// <summary>The instant the local day starts (the first valid local time where midnight is skipped).</summary>
    public DateTimeOffset StartOf(DateOnly day) => LocalDays.StartOf(Zone, day);
}
