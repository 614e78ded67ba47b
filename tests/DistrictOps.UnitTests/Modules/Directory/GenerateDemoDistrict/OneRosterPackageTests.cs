using System.Globalization;

namespace DistrictOps.UnitTests.Modules.Directory.GenerateDemoDistrict;

public sealed class OneRosterPackageTests(DemoDistrictFixture district) : IClassFixture<DemoDistrictFixture>
{
    public static TheoryData<string, string> Headers => new()
    {
        { "manifest.csv", "propertyName,value" },
        { "academicSessions.csv", "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear" },
        { "orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId,metadata.districtops.siteType" },
        { "courses.csv", "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes" },
        {
            "classes.csv",
            "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods"
        },
        {
            "users.csv",
            "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,"
            + "agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,"
            + "preferredFamilyName,primaryOrgSourcedId,pronouns"
        },
        { "roles.csv", "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId,userProfileSourcedId,beginDate,endDate" },
        { "enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate" },
        {
            "demographics.csv",
            "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,"
            + "nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,"
            + "stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus"
        },
        { "hr/staff.csv", "employeeId,personSourcedId,givenName,familyName,email,positionTitle,department,siteSourcedIds,status,startDate,endDate" },
        { "hr/coverage.csv", "employeeId,siteSourcedId,share" },
    };

    private static readonly string[] BulkFiles = ["academicSessions", "orgs", "courses", "classes", "users", "roles", "enrollments", "demographics"];

    private IEnumerable<IReadOnlyDictionary<string, string>> Students =>
        district["users.csv"].Rows.Where(u => u["sourcedId"].StartsWith("stu-", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Headers))]
    public void Every_file_starts_with_its_header_in_spec_order_and_is_utf8_without_bom_with_lf_endings(string file, string header)
    {
        var bytes = File.ReadAllBytes(Path.Combine(district.Directory, file));

        Assert.Equal(header, string.Join(',', district[file].Header));
        Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], "no byte order mark");
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
    }

    [Fact]
    public void The_manifest_declares_a_bulk_oneroster_1_2_package()
    {
        var manifest = district["manifest.csv"].Rows.ToDictionary(r => r["propertyName"], r => r["value"], StringComparer.Ordinal);

        Assert.Equal("1.0", manifest["manifest.version"]);
        Assert.Equal("1.2", manifest["oneroster.version"]);
        Assert.All(BulkFiles, f => Assert.Equal("bulk", manifest["file." + f]));
        Assert.All(
            ["categories", "classResources", "courseResources", "lineItems", "resources", "results", "userProfiles", "scoreScales",
             "lineItemLearningObjectiveIds", "lineItemScoreScales", "resultLearningObjectiveIds", "resultScoreScales"],
            f => Assert.Equal("absent", manifest["file." + f]));
        Assert.Equal("PowerSchool", manifest["source.systemName"]);
        Assert.Equal("bayview-demo", manifest["source.systemCode"]);
        Assert.Equal(24, manifest.Count);
    }

    [Fact]
    public void Bulk_files_leave_status_and_date_last_modified_empty()
    {
        foreach (var file in BulkFiles)
        {
            Assert.All(district[file + ".csv"].Rows, r => Assert.True(r["status"] == "" && r["dateLastModified"] == "", $"{file}: {r["sourcedId"]}"));
        }
    }

    [Fact]
    public void The_district_has_the_schools_and_departments_of_the_staffing_review()
    {
        var orgs = district["orgs.csv"].Rows;
        var schools = orgs.Where(o => o["type"] == "school").ToList();

        Assert.Equal("bayview-usd", Assert.Single(orgs, o => o["type"] == "district")["sourcedId"]);
        Assert.Equal(61, schools.Count);
        Assert.Equal(40, schools.Count(s => s["sourcedId"].StartsWith("org-es-", StringComparison.Ordinal)));
        Assert.Equal(8, schools.Count(s => s["sourcedId"].StartsWith("org-ms-", StringComparison.Ordinal)));
        Assert.Equal(9, schools.Count(s => s["sourcedId"].StartsWith("org-hs-", StringComparison.Ordinal)));
        Assert.Equal(4, schools.Count(s => s["sourcedId"].StartsWith("org-alt-", StringComparison.Ordinal)));
        Assert.Equal(["org-district-office", "org-tech-center"], orgs.Where(o => o["type"] == "department").Select(o => o["sourcedId"]).Order(StringComparer.Ordinal));
        Assert.All(orgs.Where(o => o["type"] != "district"), o => Assert.Equal("bayview-usd", o["parentSourcedId"]));
        Assert.All(schools, s => Assert.Matches("^[0-9]{7}$", s["identifier"]));
        Assert.Equal(61, schools.Select(s => s["identifier"]).Distinct().Count());
        Assert.Equal(61, schools.Select(s => s["name"]).Distinct().Count());
        Assert.Equal(64, orgs.Select(o => o["sourcedId"]).Distinct().Count());
    }

    [Fact]
    public void There_are_as_many_students_as_asked_spread_over_the_levels_like_the_district()
    {
        var students = Students.ToList();
        var byLevel = students.GroupBy(s => s["primaryOrgSourcedId"].Split('-')[1]).ToDictionary(g => g.Key, g => g.Count() * 100.0 / students.Count);

        Assert.Equal(DemoDistrictFixture.Students, students.Count);
        Assert.InRange(byLevel["es"], 44, 50);
        Assert.InRange(byLevel["ms"], 20, 26);
        Assert.InRange(byLevel["hs"], 25, 31);
        Assert.InRange(byLevel["alt"], 1, 4);
        Assert.Equal(DemoDistrictFixture.Students, district["demographics.csv"].Rows.Count);
    }

    [Fact]
    public void Birth_dates_match_the_grade_kindergarten_by_the_5th_birthday_and_tk_by_the_4th_on_september_1()
    {
        var grades = Students.ToDictionary(s => s["sourcedId"], s => s["grades"], StringComparer.Ordinal);
        var cutoff = new DateOnly(2026, 9, 1);
        var checkedGrades = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in district["demographics.csv"].Rows)
        {
            var grade = grades[row["sourcedId"]];
            var birth = DateOnly.ParseExact(row["birthDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var ageOnCutoff = cutoff.Year - birth.Year - (birth > cutoff.AddYears(birth.Year - cutoff.Year) ? 1 : 0);
            var expectedAge = grade switch
            {
                "TK" => 4,
                "KG" => 5,
                _ => 5 + int.Parse(grade, CultureInfo.InvariantCulture),
            };
            Assert.True(ageOnCutoff == expectedAge, $"{row["sourcedId"]} in {grade} born {birth} is {ageOnCutoff} on {cutoff}");
            checkedGrades.Add(grade);
        }

        Assert.Equal(14, checkedGrades.Count);
        Assert.All(BirthDates("TK"), b => Assert.InRange(b, new DateOnly(2021, 9, 2), new DateOnly(2022, 9, 1)));
        Assert.All(BirthDates("KG"), b => Assert.InRange(b, new DateOnly(2020, 9, 2), new DateOnly(2021, 9, 1)));

        IEnumerable<DateOnly> BirthDates(string grade) => district["demographics.csv"].Rows
            .Where(r => grades[r["sourcedId"]] == grade)
            .Select(r => DateOnly.ParseExact(r["birthDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Demographics_use_the_spec_values()
    {
        var booleans = new[] { "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white" };
        var rows = district["demographics.csv"].Rows;

        Assert.All(rows, r =>
        {
            Assert.Contains(r["sex"], (string[])["male", "female", "other", "unspecified"]);
            Assert.All(booleans.Append("demographicRaceTwoOrMoreRaces").Append("hispanicOrLatinoEthnicity"), b => Assert.Contains(r[b], (string[])["true", "false"]));
            Assert.Equal(booleans.Count(b => r[b] == "true") > 1, r["demographicRaceTwoOrMoreRaces"] == "true");
        });
        Assert.True(rows.Count(r => r["sex"] is "male" or "female") > rows.Count * 0.95);
        Assert.InRange(rows.Count(r => r["hispanicOrLatinoEthnicity"] == "true") * 1.0 / rows.Count, 0.3, 0.7);
    }

    [Fact]
    public void Every_reference_resolves()
    {
        var sessions = district["academicSessions.csv"].Rows.ToDictionary(r => r["sourcedId"], StringComparer.Ordinal);
        var orgs = district["orgs.csv"].Rows.Select(r => r["sourcedId"]).ToHashSet(StringComparer.Ordinal);
        var courses = district["courses.csv"].Rows.Select(r => r["sourcedId"]).ToHashSet(StringComparer.Ordinal);
        var classes = district["classes.csv"].Rows.ToDictionary(r => r["sourcedId"], StringComparer.Ordinal);
        var users = district["users.csv"].Rows.ToDictionary(r => r["sourcedId"], StringComparer.Ordinal);

        Assert.All(sessions.Values.Where(s => s["parentSourcedId"] != ""), s => Assert.Contains(s["parentSourcedId"], sessions.Keys));
        Assert.All(district["courses.csv"].Rows, c =>
        {
            Assert.Contains(c["schoolYearSourcedId"], sessions.Keys);
            Assert.Contains(c["orgSourcedId"], orgs);
        });
        Assert.All(classes.Values, c =>
        {
            Assert.Contains(c["courseSourcedId"], courses);
            Assert.Contains(c["schoolSourcedId"], orgs);
            Assert.All(CsvFile.List(c["termSourcedIds"]), t => Assert.Contains(t, sessions.Keys));
        });
        Assert.All(district["enrollments.csv"].Rows, e =>
        {
            Assert.Equal(classes[e["classSourcedId"]]["schoolSourcedId"], e["schoolSourcedId"]);
            Assert.Contains(e["userSourcedId"], users.Keys);
        });
        Assert.All(district["roles.csv"].Rows, r =>
        {
            Assert.Contains(r["userSourcedId"], users.Keys);
            Assert.Contains(r["orgSourcedId"], orgs);
        });
        Assert.All(users.Values, u =>
        {
            Assert.Contains(u["primaryOrgSourcedId"], orgs);
            Assert.All(CsvFile.List(u["agentSourcedIds"]), agent => Assert.Contains(u["sourcedId"], CsvFile.List(users[agent]["agentSourcedIds"])));
        });
        Assert.All(district["demographics.csv"].Rows, d => Assert.StartsWith("stu-", users[d["sourcedId"]]["sourcedId"], StringComparison.Ordinal));
    }

    [Fact]
    public void Every_student_has_one_or_two_guardians_and_some_guardians_have_several_children()
    {
        var users = district["users.csv"].Rows;
        var guardians = users.Where(u => u["sourcedId"].StartsWith("gdn-", StringComparison.Ordinal)).ToList();
        var perStudent = Students.Select(s => CsvFile.List(s["agentSourcedIds"]).Length).ToList();

        Assert.All(perStudent, n => Assert.InRange(n, 1, 2));
        Assert.InRange(perStudent.Average(), 1.5, 1.7);
        Assert.Contains(guardians, g => CsvFile.List(g["agentSourcedIds"]).Length > 1);
        Assert.All(guardians, g => Assert.EndsWith("@family.example", g["email"], StringComparison.Ordinal));
        Assert.All(Students, s => Assert.Matches(@"^[a-z]+\.[a-z]+\.[0-9]{6}@students\.bayview\.example$", s["email"]));
    }

    [Fact]
    public void Roles_give_each_user_one_primary_org_and_guardians_a_role_at_each_childs_school()
    {
        var users = district["users.csv"].Rows.ToDictionary(r => r["sourcedId"], StringComparer.Ordinal);
        var roles = district["roles.csv"].Rows.ToLookup(r => r["userSourcedId"], StringComparer.Ordinal);

        Assert.All(users.Values, u =>
        {
            var primary = Assert.Single(roles[u["sourcedId"]], r => r["roleType"] == "primary");
            Assert.Equal(u["primaryOrgSourcedId"], primary["orgSourcedId"]);
        });
        Assert.All(users.Values.Where(u => u["sourcedId"].StartsWith("gdn-", StringComparison.Ordinal)), g =>
        {
            var childSchools = CsvFile.List(g["agentSourcedIds"]).Select(c => users[c]["primaryOrgSourcedId"]).ToHashSet(StringComparer.Ordinal);
            Assert.True(childSchools.SetEquals(roles[g["sourcedId"]].Select(r => r["orgSourcedId"])));
            Assert.All(roles[g["sourcedId"]], r => Assert.Contains(r["role"], (string[])["guardian", "parent"]));
        });

        var staffRoles = district["roles.csv"].Rows.Where(r => r["userSourcedId"].StartsWith("stf-", StringComparison.Ordinal)).ToList();
        Assert.Equal(61, staffRoles.Count(r => r["role"] == "principal"));
        Assert.Equal(17, staffRoles.Count(r => r["role"] == "siteAdministrator"));
        Assert.All(staffRoles.Where(r => r["role"] == "districtAdministrator"), r => Assert.Equal("org-district-office", r["orgSourcedId"]));
        Assert.InRange(staffRoles.Count(r => r["role"] == "aide"), 40, 120);
    }

    [Fact]
    public void Secondary_students_take_six_classes_in_periods_1_to_6_and_elementary_students_one_homeroom()
    {
        var classes = district["classes.csv"].Rows.ToDictionary(r => r["sourcedId"], StringComparer.Ordinal);
        var enrollments = district["enrollments.csv"].Rows.Where(e => e["role"] == "student").ToLookup(e => e["userSourcedId"], StringComparer.Ordinal);

        Assert.All(Students, s =>
        {
            var taken = enrollments[s["sourcedId"]].Select(e => classes[e["classSourcedId"]]).ToList();
            Assert.All(taken, c => Assert.Equal(s["primaryOrgSourcedId"], c["schoolSourcedId"]));
            Assert.All(taken, c => Assert.Equal(s["grades"], c["grades"]));
            if (s["primaryOrgSourcedId"].StartsWith("org-es-", StringComparison.Ordinal))
            {
                Assert.Equal("homeroom", Assert.Single(taken)["classType"]);
            }
            else
            {
                Assert.Equal(["1", "2", "3", "4", "5", "6"], taken.Select(c => c["periods"]).Order(StringComparer.Ordinal));
                Assert.All(taken, c => Assert.Equal("scheduled", c["classType"]));
            }
        });
    }

    [Fact]
    public void Every_class_has_one_primary_teacher_who_works_at_its_school_and_teaches_one_class_a_period()
    {
        var roles = district["roles.csv"].Rows.Where(r => r["role"] == "teacher").ToDictionary(r => r["userSourcedId"], r => r["orgSourcedId"], StringComparer.Ordinal);
        var classes = district["classes.csv"].Rows.ToDictionary(r => r["sourcedId"], StringComparer.Ordinal);
        var teaching = district["enrollments.csv"].Rows.Where(e => e["role"] == "teacher").ToList();

        Assert.All(classes.Keys, id => Assert.Single(teaching, e => e["classSourcedId"] == id && e["primary"] == "true"));
        Assert.All(teaching, e => Assert.Equal(roles[e["userSourcedId"]], e["schoolSourcedId"]));
        Assert.All(teaching.GroupBy(e => e["userSourcedId"]), t =>
        {
            var periods = t.Select(e => classes[e["classSourcedId"]]["periods"]).ToList();
            Assert.InRange(periods.Count, 1, 5);
            Assert.Equal(periods.Count, periods.Distinct().Count());
        });
        Assert.All(district["enrollments.csv"].Rows, e =>
        {
            Assert.Equal("2026-08-12", e["beginDate"]);
            Assert.Equal("2027-06-03", e["endDate"]);
        });
    }

    [Fact]
    public void Usernames_emails_and_ids_are_unique()
    {
        var users = district["users.csv"].Rows;

        Assert.Equal(users.Count, users.Select(u => u["sourcedId"]).Distinct().Count());
        Assert.Equal(users.Count, users.Select(u => u["username"]).Distinct().Count());
        Assert.Equal(users.Count, users.Select(u => u["email"]).Distinct().Count());
        Assert.All(users, u => Assert.Equal("true", u["enabledUser"]));
        Assert.Equal(district["enrollments.csv"].Rows.Count, district["enrollments.csv"].Rows.Select(e => e["sourcedId"]).Distinct().Count());
        Assert.Equal(district["roles.csv"].Rows.Count, district["roles.csv"].Rows.Select(e => e["sourcedId"]).Distinct().Count());
        Assert.Equal(district["classes.csv"].Rows.Count, district["classes.csv"].Rows.Select(e => e["sourcedId"]).Distinct().Count());
    }

    [Fact]
    public void The_school_year_has_two_semesters_and_four_grading_periods()
    {
        var sessions = district["academicSessions.csv"].Rows;

        var year = Assert.Single(sessions, s => s["type"] == "schoolYear");
        Assert.Equal(("2026-08-12", "2027-06-03", "2027"), (year["startDate"], year["endDate"], year["schoolYear"]));
        Assert.All(sessions.Where(s => s["type"] == "term"), t => Assert.Equal(year["sourcedId"], t["parentSourcedId"]));
        Assert.Equal(2, sessions.Count(s => s["type"] == "term"));
        Assert.Equal(4, sessions.Count(s => s["type"] == "gradingPeriod"));
    }
}
