namespace DistrictOps.Web.Modules.Directory.Data;

/// <summary>An instructional year: the first to the last day with students, district-wide.</summary>
public sealed class CalendarYear
{
    public Guid Id { get; set; }

    public DateOnly FirstDay { get; set; }

    public DateOnly LastDay { get; set; }

    public required string Name { get; set; }
}

/// <summary>A date without school (holiday, break, staff day), for the whole district or one site.</summary>
public sealed class NoSchoolDay
{
    public const int NameMaxLength = 128;

    public Guid Id { get; set; }

    public DateOnly Date { get; set; }

    public required string Name { get; set; }

    /// <summary>Null: the whole district.</summary>
    public Guid? SiteId { get; set; }
}

/// <summary>Different hours on one date (minimum day, early release), for the district or one site.</summary>
public sealed class SpecialHours
{
    public Guid Id { get; set; }

    public DateOnly Date { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }

    public required string Name { get; set; }

    public Guid? SiteId { get; set; }
}

/// <summary>A site's time zone and regular school hours, Monday to Friday; sites without a row use the district's.</summary>
public sealed class SiteHours
{
    public Guid SiteId { get; set; }

    public required string TimeZoneId { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }
}
