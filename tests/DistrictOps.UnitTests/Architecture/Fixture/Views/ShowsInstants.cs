using System.Globalization;

namespace DistrictOps.UnitTests.Architecture.Fixture.Views;

/// <summary>Stand-ins for views that show instants themselves, each one way the rule must catch.</summary>
public static class FormatsWithToString
{
    public static string Show(DateTimeOffset at) => at.ToString("g", CultureInfo.InvariantCulture);
}

public static class Interpolates
{
    public static string Show(DateTimeOffset at) => $"due {at:yyyy-MM-dd HH:mm}";
}

public static class WritesBoxed
{
    public static object Show(DateTimeOffset? at) => at!;
}

public static class ConvertsZones
{
    public static DateTimeOffset Show(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZoneInfo.Utc);
}

public static class ReadsTheClockInALambda
{
    public static IEnumerable<int> Show(IEnumerable<DateTime> at) => at.Select(a => a.Hour);
}

public static class ComparesOnly
{
    public static bool Show(DateTimeOffset at, DateTimeOffset now) => at <= now && at.AddDays(1) > now;
}
