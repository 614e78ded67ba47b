using System.Globalization;

namespace DistrictOps.Web.Modules.Directory.Demo;

internal enum SchoolLevel
{
    Elementary,
    Middle,
    High,
    Alternative,
}

internal sealed record Org(string SourcedId, string Name, string Type, string? Identifier, string? ParentSourcedId, string? SiteType = null);

/// <summary>A school, its attendance area (one per high school) and how many students it has in each of its grades.</summary>
internal sealed record School(string SourcedId, string Code, string Name, SchoolLevel Level, string Identifier, int Area, IReadOnlyList<int> Grades, IReadOnlyList<int> GradeSizes)
{
    public int Students { get; } = GradeSizes.Sum();

    public bool IsScheduled => Level is not SchoolLevel.Elementary;
}

/// <summary>
/// The shape of the district in the staffing review: 40 elementary, 8 middle, 9 high and 4 alternative schools,
/// a district office and a technology support center. Names and ids are fixed; sizes depend on the seed.
/// </summary>
internal sealed class DistrictPlan
{
    public const string DistrictId = "bayview-usd";
    public const string DistrictName = "Bayview Unified School District";
    public const string DistrictOfficeId = "org-district-office";
    public const string TechCenterId = "org-tech-center";
    public const int AreaCount = 9;

    private static readonly string[] ElementaryNames =
    [
        "Harbor View", "Jefferson", "Washington", "Cesar Chavez", "Marina Vista", "Ohlone", "Redwood", "Sequoia",
        "Madrone", "Live Oak", "Bay Laurel", "Manzanita", "Poppy Hill", "Golden Gate", "Sunset", "Seacliff",
        "Tidewater", "Mariposa", "Valle Verde", "Los Cerritos", "Dolores Huerta", "Fred Korematsu", "Maya Angelou", "Thurgood Marshall",
        "Sally Ride", "Grace Hopper", "Lupine", "Willow Creek", "Hillcrest", "Parkside", "Lakeview", "Mission",
        "Esperanza", "Bayside", "Skyline", "Driftwood", "Meadowbrook", "Fairmont", "Crescent Park", "Ridgeview",
    ];

    private static readonly string[] MiddleNames =
        ["Lincoln", "Portola", "Pacific", "Ocean View", "Bayshore", "Canyon", "Vista Grande", "Frederick Douglass"];

    private static readonly string[] HighNames =
        ["Bayview", "Harbor", "Kennedy", "Roosevelt", "Sierra Vista", "Westbay", "Northgate", "Del Mar", "Bay Arts and Technology"];

    private static readonly (string Name, int FirstGrade, int Area)[] AlternativeSchools =
    [
        ("Pathways Continuation High", 9, 1),
        ("Summit Continuation High", 9, 4),
        ("Bayview Independent Study Academy", 6, 6),
        ("Horizon Community Day School", 6, 8),
    ];

    private DistrictPlan(IReadOnlyList<School> schools) => Schools = schools;

    public IReadOnlyList<School> Schools { get; }

    public IEnumerable<School> SchoolsInArea(int area) => Schools.Where(s => s.Area == area);

    public IReadOnlyList<Org> Orgs() =>
    [
        new(DistrictId, DistrictName, "district", "0161000", null),
        // Grades alone make continuation and community day schools look like high and middle schools: the SIS says what they are.
        .. Schools.Select(s => new Org(s.SourcedId, s.Name, "school", s.Identifier, DistrictId, s.Level == SchoolLevel.Alternative ? "Alternative" : null)),
        new(DistrictOfficeId, "Bayview USD District Office", "department", null, DistrictId),
        new(TechCenterId, "Technology Support Center", "department", null, DistrictId),
    ];

    public static DistrictPlan Create(int students, Random random)
    {
        var levels = Apportion(students, [47, 23, 28, 2]);
        var elementaryWeights = ElementaryNames.Select(_ => (double)random.Next(250, 501)).ToArray();
        var middleWeights = MiddleNames.Select(_ => (double)random.Next(650, 1101)).ToArray();
        var highWeights = HighNames.Select(_ => (double)random.Next(1100, 2201)).ToArray();
        var alternativeWeights = AlternativeSchools.Select(_ => (double)random.Next(80, 251)).ToArray();

        var elementarySizes = Apportion(levels[0], elementaryWeights);
        var middleSizes = Apportion(levels[1], middleWeights);
        var highSizes = Apportion(levels[2], highWeights);
        var alternativeSizes = Apportion(levels[3], alternativeWeights);

        var schools = new List<School>();
        for (var i = 0; i < ElementaryNames.Length; i++)
        {
            // Areas 0-3 have five elementary schools, areas 4-8 four.
            var area = i < 20 ? i / 5 : 4 + ((i - 20) / 4);
            schools.Add(NewSchool("es", i, ElementaryNames[i] + " Elementary", SchoolLevel.Elementary, area, Range(-1, 5), elementarySizes[i], random, g => g == -1 ? 0.5 : 1.0));
        }

        for (var i = 0; i < MiddleNames.Length; i++)
        {
            schools.Add(NewSchool("ms", i, MiddleNames[i] + " Middle", SchoolLevel.Middle, i, Range(6, 8), middleSizes[i], random, _ => 1.0));
        }

        for (var i = 0; i < HighNames.Length; i++)
        {
            schools.Add(NewSchool("hs", i, HighNames[i] + " High", SchoolLevel.High, i, Range(9, 12), highSizes[i], random, g => g <= 10 ? 1.0 : 0.93));
        }

        for (var i = 0; i < AlternativeSchools.Length; i++)
        {
            var (name, firstGrade, area) = AlternativeSchools[i];

            // Continuation and community day schools grow towards grade 12 as students are referred in.
            schools.Add(NewSchool("alt", i, name, SchoolLevel.Alternative, area, Range(firstGrade, 12), alternativeSizes[i], random, g => 1.0 + ((g - firstGrade) * 0.5)));
        }

        return new DistrictPlan(schools);
    }

    private static School NewSchool(string prefix, int index, string name, SchoolLevel level, int area, int[] grades, int students, Random random, Func<int, double> gradeWeight)
    {
        var code = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{index + 1:00}");
        var weights = grades.Select(g => gradeWeight(g) * (0.9 + (random.NextDouble() * 0.2))).ToArray();
        return new School("org-" + code, code, name, level, StateStyleIdentifier(level, index), area, grades, Apportion(students, weights));
    }

    // Seven digits like a California CDS school code; fixed per school so that every seed names a school alike.
    private static string StateStyleIdentifier(SchoolLevel level, int index)
    {
        var serial = (((int)level * 50) + index + 1) * 7919 % 100_000;
        return (6_000_000 + ((int)level * 100_000) + serial).ToString(CultureInfo.InvariantCulture);
    }

    private static int[] Range(int first, int last) => Enumerable.Range(first, last - first + 1).ToArray();

    /// <summary>Splits a whole number in proportion to the weights (largest remainder; ties go to the earlier share).</summary>
    public static int[] Apportion(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var shares = exact.Select(x => (int)Math.Floor(x)).ToArray();
        var left = total - shares.Sum();
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i).Take(left))
        {
            shares[i]++;
        }

        return shares;
    }
}
