namespace DistrictOps.Web.Modules.Devices.Register;

/// <summary>A school year runs from July 1 to June 30 and is written "2026-27".</summary>
public static class SchoolYear
{
    public static string Of(DateOnly day)
    {
        var start = day.Month >= 7 ? day.Year : day.Year - 1;
        return $"{start}-{(start + 1) % 100:00}";
    }

    /// <summary>The calendar year a school year ends in: 2027 for "2026-27".</summary>
    public static int EndYear(DateOnly day) => day.Month >= 7 ? day.Year + 1 : day.Year;
}
