using System.Globalization;

namespace DistrictOps.Web.Modules.Directory.Demo;

internal sealed record AcademicSession(string SourcedId, string Title, string Type, DateOnly Start, DateOnly End, string? ParentSourcedId);

/// <summary>The 2026-27 school year of the demo district: sessions, grades and the age each grade implies.</summary>
internal static class DemoSchoolYear
{
    public const string OneRosterSchoolYear = "2027";

    public static readonly DateOnly FirstDay = new(2026, 8, 12);
    public static readonly DateOnly LastDay = new(2027, 6, 3);

    // EC 48000: kindergarten by the 5th birthday, transitional kindergarten (from 2025-26) by the 4th, on September 1.
    public static readonly DateOnly AgeCutoff = new(2026, 9, 1);

    public static readonly AcademicSession Year = new("as-2026-27", "2026-27", "schoolYear", FirstDay, LastDay, null);
    public static readonly AcademicSession Fall = new("as-2026-27-s1", "Fall semester 2026", "term", FirstDay, new(2026, 12, 18), Year.SourcedId);
    public static readonly AcademicSession Spring = new("as-2026-27-s2", "Spring semester 2027", "term", new(2027, 1, 4), LastDay, Year.SourcedId);

    public static readonly IReadOnlyList<AcademicSession> Sessions =
    [
        Year,
        Fall,
        Spring,
        new("as-2026-27-q1", "Quarter 1", "gradingPeriod", FirstDay, new(2026, 10, 16), Fall.SourcedId),
        new("as-2026-27-q2", "Quarter 2", "gradingPeriod", new(2026, 10, 19), Fall.End, Fall.SourcedId),
        new("as-2026-27-q3", "Quarter 3", "gradingPeriod", Spring.Start, new(2027, 3, 12), Spring.SourcedId),
        new("as-2026-27-q4", "Quarter 4", "gradingPeriod", new(2027, 3, 15), LastDay, Spring.SourcedId),
    ];

    public const int TransitionalKindergarten = -1;
    public const int Kindergarten = 0;

    public static string GradeCode(int grade) => grade switch
    {
        TransitionalKindergarten => "TK",
        Kindergarten => "KG",
        _ => grade.ToString("00", CultureInfo.InvariantCulture),
    };

    public static string GradeTitle(int grade) => grade switch
    {
        TransitionalKindergarten => "Transitional Kindergarten",
        Kindergarten => "Kindergarten",
        _ => string.Create(CultureInfo.InvariantCulture, $"Grade {grade}"),
    };

    /// <summary>The birth dates that put a child in this grade: age 5 + grade on the cutoff (TK, grade -1, is age 4).</summary>
    public static (DateOnly Earliest, DateOnly Latest) BirthDates(int grade)
    {
        var age = 5 + grade;
        return (AgeCutoff.AddYears(-(age + 1)).AddDays(1), AgeCutoff.AddYears(-age));
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
