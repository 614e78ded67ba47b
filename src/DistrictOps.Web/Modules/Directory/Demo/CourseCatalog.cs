using System.Globalization;

namespace DistrictOps.Web.Modules.Directory.Demo;

internal sealed record Course(string Code, string Title, IReadOnlyList<int> Grades, string? Subject)
{
    public string SourcedId => "crs-" + Code.ToLowerInvariant();
}

/// <summary>
/// The district-wide course catalog. Elementary students have one homeroom course per grade; secondary students
/// take the six subjects below, one a period, with the elective varying from section to section.
/// </summary>
internal static class CourseCatalog
{
    public const int SubjectCount = 6;
    public const int ElectiveSubject = 5;

    private const string English = "English Language Arts";
    private const string Math = "Mathematics";
    private const string Science = "Science";
    private const string History = "History-Social Science";
    private const string PhysicalEducation = "Physical Education";

    private static readonly int[] MiddleGrades = [6, 7, 8];
    private static readonly int[] HighGrades = [9, 10, 11, 12];

    public static readonly IReadOnlyList<Course> Homerooms =
        Enumerable.Range(-1, 7).Select(g => new Course("HR-" + DemoSchoolYear.GradeCode(g), DemoSchoolYear.GradeTitle(g), [g], null)).ToArray();

    // Core subjects by grade: [subject][grade index], grades 6-12.
    private static readonly Course[][] CoreBySubject =
    [
        Grades(6, 12, g => new Course("ENG-" + DemoSchoolYear.GradeCode(g), "English " + Number(g), [g], English)),
        [
            CoreCourse(6, "MATH", "Math 6", Math), CoreCourse(7, "MATH", "Math 7", Math), CoreCourse(8, "MATH", "Math 8", Math),
            CoreCourse(9, "MATH", "Integrated Math 1", Math), CoreCourse(10, "MATH", "Integrated Math 2", Math),
            CoreCourse(11, "MATH", "Integrated Math 3", Math), CoreCourse(12, "MATH", "Precalculus", Math),
        ],
        [
            CoreCourse(6, "SCI", "Science 6", Science), CoreCourse(7, "SCI", "Science 7", Science), CoreCourse(8, "SCI", "Science 8", Science),
            CoreCourse(9, "SCI", "Biology", Science), CoreCourse(10, "SCI", "Chemistry", Science),
            CoreCourse(11, "SCI", "Physics", Science), CoreCourse(12, "SCI", "Environmental Science", Science),
        ],
        [
            CoreCourse(6, "HSS", "Ancient Civilizations", History), CoreCourse(7, "HSS", "Medieval and Early Modern World", History),
            CoreCourse(8, "HSS", "U.S. History and Geography", History), CoreCourse(9, "HSS", "Ethnic Studies", History),
            CoreCourse(10, "HSS", "World History", History), CoreCourse(11, "HSS", "U.S. History", History),
            CoreCourse(12, "HSS", "Government and Economics", History),
        ],
        Grades(6, 12, g => new Course("PE-" + DemoSchoolYear.GradeCode(g), "Physical Education " + Number(g), [g], PhysicalEducation)),
    ];

    private static readonly Course[] MiddleElectives =
    [
        new("ART-MS", "Art", MiddleGrades, "Visual and Performing Arts"),
        new("MUS-MS", "Music", MiddleGrades, "Visual and Performing Arts"),
        new("SPA-MS", "Exploring Spanish", MiddleGrades, "World Languages"),
        new("CS-MS", "Computer Science Discoveries", MiddleGrades, "Computer Science"),
        new("ROB-MS", "Robotics", MiddleGrades, "Career Technical Education"),
    ];

    private static readonly Course[] HighElectives =
    [
        new("SPA1-HS", "Spanish 1", HighGrades, "World Languages"),
        new("SPA2-HS", "Spanish 2", HighGrades, "World Languages"),
        new("ART-HS", "Visual Arts", HighGrades, "Visual and Performing Arts"),
        new("MUS-HS", "Music", HighGrades, "Visual and Performing Arts"),
        new("CSP-HS", "AP Computer Science Principles", HighGrades, "Computer Science"),
        new("THE-HS", "Theater Arts", HighGrades, "Visual and Performing Arts"),
        new("ROB-HS", "Robotics and Engineering", HighGrades, "Career Technical Education"),
    ];

    public static IEnumerable<Course> All =>
        Homerooms.Concat(CoreBySubject.SelectMany(c => c)).Concat(MiddleElectives).Concat(HighElectives);

    public static Course Homeroom(int grade) => Homerooms[grade + 1];

    /// <summary>The course a section teaches: its subject's course for the grade, or for electives one picked by the section's block.</summary>
    public static Course Scheduled(int subject, int grade, int block)
    {
        if (subject != ElectiveSubject)
        {
            return CoreBySubject[subject][grade - 6];
        }

        var electives = grade <= 8 ? MiddleElectives : HighElectives;
        return electives[block % electives.Length];
    }

    private static Course CoreCourse(int grade, string prefix, string title, string subject) =>
        new(prefix + "-" + DemoSchoolYear.GradeCode(grade), title, [grade], subject);

    private static string Number(int grade) => grade.ToString(CultureInfo.InvariantCulture);

    private static Course[] Grades(int first, int last, Func<int, Course> course) =>
        Enumerable.Range(first, last - first + 1).Select(course).ToArray();
}
