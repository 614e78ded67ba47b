using System.Globalization;
using DistrictOps.Web.Platform.Demo;

namespace DistrictOps.Web.Modules.Directory.Demo;

/// <summary>
/// Writes one attendance area (a high school and the schools that feed it): families first, so that siblings in
/// different schools of the area share their guardians, then each school's students, staff, classes and enrollments,
/// then the guardians. Only the area's seats and families are held in memory.
/// </summary>
internal sealed class AttendanceAreaWriter(DemoPackage package, StaffRegistry staff, Random random, UsernameParts parts, IReadOnlyList<School> schools)
{
    public const string StudentEmailDomain = "students.bayview.example";
    public const string FamilyEmailDomain = "family.example";
    private const int HomeroomSize = 28;
    private const int SectionSize = 32;
    private const int SectionsPerTeacher = 5;

    private static readonly Weighted<int>[] Siblings = [new(0, 60), new(1, 30), new(2, 8), new(3, 2)];
    private static readonly Weighted<string>[] Sexes = [new("male", 493), new("female", 492), new("unspecified", 10), new("other", 5)];
    private static readonly string[] OtherBirthStates = ["TX", "NV", "WA", "NY", "AZ", "OR", "IL", "GA"];
    private static readonly string[] BirthCities =
        ["Richmond", "San Pablo", "Oakland", "Berkeley", "El Cerrito", "Pinole", "Hercules", "San Francisco", "Vallejo", "Concord"];

    private readonly List<Household> _households = [];
    private int[] _seatHousehold = [];
    private int _firstStudent;
    private int _firstGuardian;

    public int Students { get; private set; }

    public int Guardians { get; private set; }

    public void Write(int firstStudent, int firstGuardian, CancellationToken cancellationToken)
    {
        _firstStudent = firstStudent;
        _firstGuardian = firstGuardian;
        Students = schools.Sum(s => s.Students);
        var seatGrades = new int[Students];
        var seat = 0;
        foreach (var school in schools)
        {
            for (var g = 0; g < school.Grades.Count; g++)
            {
                Array.Fill(seatGrades, school.Grades[g], seat, school.GradeSizes[g]);
                seat += school.GradeSizes[g];
            }
        }

        FormHouseholds(seatGrades);
        var firstSeat = 0;
        foreach (var school in schools)
        {
            WriteStudents(school, firstSeat);
            WriteStaffAndClasses(school, firstSeat);
            firstSeat += school.Students;
            cancellationToken.ThrowIfCancellationRequested();
        }

        WriteGuardians();
    }

    private string StudentId(int seat) => "stu-" + (_firstStudent + seat).ToString("000000", CultureInfo.InvariantCulture);

    private string StudentNumber(int seat) => (100_000 + _firstStudent + seat).ToString(CultureInfo.InvariantCulture);

    private static string GuardianId(int number) => "gdn-" + number.ToString("000000", CultureInfo.InvariantCulture);

    private void FormHouseholds(int[] seatGrades)
    {
        _seatHousehold = new int[seatGrades.Length];
        var open = Enumerable.Range(0, seatGrades.Length).ToArray();
        var left = open.Length;
        var guardian = _firstGuardian;
        while (left > 0)
        {
            var household = NewHousehold(guardian);
            guardian += household.Guardians.Count;
            household.Children.Add(Take(random.Next(left)));
            var siblings = random.OneOf(Siblings);
            for (var i = 0; i < siblings && left > 0; i++)
            {
                // Siblings are seldom in the same grade: redraw a same-grade pick, keeping about one in ten (twins).
                var pick = random.Next(left);
                for (var retry = 0; retry < 3 && household.Children.Exists(c => seatGrades[c] == seatGrades[open[pick]]) && !random.Chance(0.1); retry++)
                {
                    pick = random.Next(left);
                }

                household.Children.Add(Take(pick));
            }

            household.Children.Sort();
            foreach (var child in household.Children)
            {
                _seatHousehold[child] = _households.Count;
            }

            _households.Add(household);
        }

        Guardians = guardian - _firstGuardian;

        int Take(int index)
        {
            var taken = open[index];
            open[index] = open[--left];
            return taken;
        }
    }

    private Household NewHousehold(int firstGuardianNumber)
    {
        var culture = random.OneOf(NameCulture.Students);
        var family = random.One(culture.Family);
        var firstIsMother = random.Chance(0.62);
        var guardians = new List<Guardian> { NewGuardian(firstGuardianNumber, culture, family, firstIsMother) };
        if (random.Chance(0.6))
        {
            var secondFamily = random.Chance(0.7) ? family : random.One(culture.Family);
            guardians.Add(NewGuardian(firstGuardianNumber + 1, culture, secondFamily, !firstIsMother));
        }

        if (guardians[0].SourcedId == DemoAccounts.ParentGuardianSourcedId)
        {
            // The demo parent's sign-in is this guardian (DemoDistrictSeed links them); the draws above still happen, so
            // the rest of the district is the same as without the demo account.
            var parent = DemoAccounts.Parent;
            family = parent.FamilyName;
            guardians[0] = guardians[0] with
            {
                GivenName = parent.GivenName, FamilyName = family, Role = "parent", Email = FamilyEmail(parent.GivenName, family, firstGuardianNumber),
            };
        }

        return new Household(culture, family, random.OneOf(culture.Races), random.Chance(culture.HispanicShare), guardians);
    }

    private Guardian NewGuardian(int number, NameCulture culture, string family, bool female)
    {
        var given = random.One(female ? culture.Female : culture.Male);
        var role = random.Chance(0.9) ? "parent" : "guardian";
        return new Guardian(GuardianId(number), given, family, role, FamilyEmail(given, family, number));
    }

    private string FamilyEmail(string given, string family, int number) =>
        parts.Of(given) + "." + parts.Of(family) + "." + number.ToString("000000", CultureInfo.InvariantCulture) + "@" + FamilyEmailDomain;

    private void WriteStudents(School school, int firstSeat)
    {
        var seat = firstSeat;
        for (var g = 0; g < school.Grades.Count; g++)
        {
            var grade = school.Grades[g];
            var gradeCode = DemoSchoolYear.GradeCode(grade);
            var (earliest, latest) = DemoSchoolYear.BirthDates(grade);
            for (var i = 0; i < school.GradeSizes[g]; i++, seat++)
            {
                var household = _households[_seatHousehold[seat]];
                var culture = household.Culture;
                var sex = random.OneOf(Sexes);
                var names = sex switch
                {
                    "female" => culture.Female,
                    "male" => culture.Male,
                    _ => random.Chance(0.5) ? culture.Female : culture.Male,
                };
                var given = random.One(names);
                var middle = random.Chance(0.3) ? random.One(names) : null;
                if (middle == given)
                {
                    middle = null;
                }

                var id = StudentId(seat);
                var number = StudentNumber(seat);
                var username = parts.Of(given) + "." + parts.Of(household.FamilyName) + "." + number;
                package.User(id, username, given, household.FamilyName, middle, number, username + "@" + StudentEmailDomain,
                    household.GuardianIds, gradeCode, school.SourcedId);
                package.Role(id, primary: true, "student", school.SourcedId);
                WriteDemographics(id, random.Between(earliest, latest), sex, household);
            }
        }
    }

    private void WriteDemographics(string id, DateOnly birthDate, string sex, Household household)
    {
        var races = household.Races;
        string country, state, city;
        if (random.Chance(household.Culture.ForeignBornShare))
        {
            (country, state, city) = (random.One(household.Culture.ForeignBirthCountries), "", "");
        }
        else if (random.Chance(0.92))
        {
            (country, state, city) = ("US", "CA", random.One(BirthCities));
        }
        else
        {
            (country, state, city) = ("US", random.One(OtherBirthStates), "");
        }

        package.Demographics.Row(id, null, null, DemoSchoolYear.Format(birthDate), sex,
            Has(Race.AmericanIndianOrAlaskaNative), Has(Race.Asian), Has(Race.BlackOrAfricanAmerican),
            Has(Race.NativeHawaiianOrOtherPacificIslander), Has(Race.White),
            DemoPackage.Bool(int.PopCount((int)races) > 1), DemoPackage.Bool(household.Hispanic), country, state, city, null);

        string Has(Race race) => DemoPackage.Bool(races.HasFlag(race));
    }

    private void WriteStaffAndClasses(School school, int firstSeat)
    {
        var department = school.Level switch
        {
            SchoolLevel.Elementary => "Elementary Education",
            SchoolLevel.Alternative => "Alternative Education",
            _ => "Secondary Education",
        };
        staff.AddUser(school.SourcedId, "principal", "Principal", department);
        if (school.Level is SchoolLevel.Middle or SchoolLevel.High)
        {
            staff.AddUser(school.SourcedId, "siteAdministrator", "Assistant Principal", department);
        }

        if (school.Level == SchoolLevel.Elementary)
        {
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                staff.AddUser(school.SourcedId, "aide", "Instructional Aide", department);
            }
        }

        var teachers = school.IsScheduled
            ? WriteScheduledClasses(school, firstSeat, department)
            : WriteHomerooms(school, firstSeat, department);

        // Teachers who left at the end of last year: in HR only, terminated, their accounts gone from the roster.
        for (var i = 0; i < teachers; i++)
        {
            if (random.Chance(0.03))
            {
                staff.AddHrOnly("Teacher", department, school.SourcedId, "terminated", end: new DateOnly(2026, 6, 5));
            }
        }
    }

    private int WriteHomerooms(School school, int firstSeat, string department)
    {
        var teachers = 0;
        var seat = firstSeat;
        for (var g = 0; g < school.Grades.Count; g++)
        {
            var size = school.GradeSizes[g];
            var course = CourseCatalog.Homeroom(school.Grades[g]);
            var homerooms = (size + HomeroomSize - 1) / HomeroomSize;
            for (var h = 0; h < homerooms; h++)
            {
                var teacher = staff.AddUser(school.SourcedId, "teacher", "Teacher", department);
                teachers++;
                var classCode = course.Code + "-" + (h + 1).ToString("00", CultureInfo.InvariantCulture);
                var classId = "cls-" + school.Code + "-" + classCode.ToLowerInvariant();
                package.Classes.Row(classId, null, null, course.Title + " - " + teacher.FamilyName, DemoSchoolYear.GradeCode(school.Grades[g]),
                    course.SourcedId, classCode, "homeroom", "Room " + teachers.ToString(CultureInfo.InvariantCulture), school.SourcedId,
                    DemoSchoolYear.Year.SourcedId, null, null, null);
                package.Enrollment(classId, school.SourcedId, teacher.SourcedId!, "teacher", primary: true, DemoSchoolYear.Year);
                for (var i = h; i < size; i += homerooms)
                {
                    package.Enrollment(classId, school.SourcedId, StudentId(seat + i), "student", primary: false, DemoSchoolYear.Year);
                }
            }

            seat += size;
        }

        return teachers;
    }

    /// <summary>
    /// Each grade is split into blocks of about 30 students who take the six subjects together, one a period. Block b
    /// has subject s in period (s + b) mod 6, so a teacher given five consecutive blocks of a subject teaches five
    /// different periods and has the sixth free.
    /// </summary>
    private int WriteScheduledClasses(School school, int firstSeat, string department)
    {
        var teachers = Enumerable.Range(0, CourseCatalog.SubjectCount).Select(_ => new List<(StaffMember Member, int Room)>()).ToArray();
        var sections = new Dictionary<string, int>(StringComparer.Ordinal);
        var rooms = 100;
        var block = 0;
        var seat = firstSeat;
        var terms = DemoSchoolYear.Fall.SourcedId + "," + DemoSchoolYear.Spring.SourcedId;
        for (var g = 0; g < school.Grades.Count; g++)
        {
            var grade = school.Grades[g];
            var size = school.GradeSizes[g];
            var blocks = (size + SectionSize - 1) / SectionSize;
            for (var j = 0; j < blocks; j++, block++)
            {
                for (var subject = 0; subject < CourseCatalog.SubjectCount; subject++)
                {
                    var period = ((subject + block) % CourseCatalog.SubjectCount) + 1;
                    var subjectTeachers = teachers[subject];
                    if (subjectTeachers.Count <= block / SectionsPerTeacher)
                    {
                        subjectTeachers.Add((staff.AddUser(school.SourcedId, "teacher", "Teacher", department), ++rooms));
                    }

                    var (teacher, room) = subjectTeachers[block / SectionsPerTeacher];
                    var course = CourseCatalog.Scheduled(subject, grade, block);
                    var section = sections[course.Code] = sections.GetValueOrDefault(course.Code) + 1;
                    var classCode = course.Code + "-" + section.ToString("00", CultureInfo.InvariantCulture);
                    var classId = "cls-" + school.Code + "-" + classCode.ToLowerInvariant();
                    var periodText = period.ToString(CultureInfo.InvariantCulture);
                    package.Classes.Row(classId, null, null, course.Title + " - Period " + periodText + " - " + teacher.FamilyName,
                        DemoSchoolYear.GradeCode(grade), course.SourcedId, classCode, "scheduled", "Room " + room.ToString(CultureInfo.InvariantCulture),
                        school.SourcedId, terms, course.Subject, null, periodText);
                    package.Enrollment(classId, school.SourcedId, teacher.SourcedId!, "teacher", primary: true, DemoSchoolYear.Year);
                    for (var i = j; i < size; i += blocks)
                    {
                        package.Enrollment(classId, school.SourcedId, StudentId(seat + i), "student", primary: false, DemoSchoolYear.Year);
                    }
                }
            }

            seat += size;
        }

        return teachers.Sum(t => t.Count);
    }

    private void WriteGuardians()
    {
        var children = new List<string>(4);
        var childSchools = new List<string>(4);
        foreach (var household in _households)
        {
            children.Clear();
            childSchools.Clear();
            foreach (var seat in household.Children)
            {
                children.Add(StudentId(seat));
                var school = SchoolOf(seat).SourcedId;
                if (!childSchools.Contains(school))
                {
                    childSchools.Add(school);
                }
            }

            children.Sort(StringComparer.Ordinal);
            var agents = string.Join(',', children);
            foreach (var guardian in household.Guardians)
            {
                package.User(guardian.SourcedId, guardian.Email, guardian.GivenName, guardian.FamilyName, null, null, guardian.Email, agents, null, childSchools[0]);
                for (var i = 0; i < childSchools.Count; i++)
                {
                    package.Role(guardian.SourcedId, primary: i == 0, guardian.Role, childSchools[i]);
                }
            }
        }
    }

    private School SchoolOf(int seat)
    {
        foreach (var school in schools)
        {
            if (seat < school.Students)
            {
                return school;
            }

            seat -= school.Students;
        }

        throw new ArgumentOutOfRangeException(nameof(seat));
    }

    private sealed record Guardian(string SourcedId, string GivenName, string FamilyName, string Role, string Email);

    private sealed class Household(NameCulture culture, string familyName, Race races, bool hispanic, IReadOnlyList<Guardian> guardians)
    {
        public NameCulture Culture { get; } = culture;

        public string FamilyName { get; } = familyName;

        public Race Races { get; } = races;

        public bool Hispanic { get; } = hispanic;

        public IReadOnlyList<Guardian> Guardians { get; } = guardians;

        public string GuardianIds { get; } = string.Join(',', guardians.Select(g => g.SourcedId).Order(StringComparer.Ordinal));

        public List<int> Children { get; } = new(4);
    }
}
