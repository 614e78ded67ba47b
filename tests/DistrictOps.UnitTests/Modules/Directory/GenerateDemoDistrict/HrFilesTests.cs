using System.Globalization;

namespace DistrictOps.UnitTests.Modules.Directory.GenerateDemoDistrict;

public sealed class HrFilesTests(DemoDistrictFixture district) : IClassFixture<DemoDistrictFixture>
{
    [Fact]
    public void The_technology_department_has_the_33_positions_of_the_review()
    {
        var it = district["hr/staff.csv"].Rows.Where(r => r["department"] == "Information Technology").ToList();

        Assert.Equal(33, it.Count);
        Assert.Equal(9, it.Count(r => r["positionTitle"] == "Desktop Technician"));
        Assert.Equal(3, it.Count(r => r["positionTitle"] == "Help Desk Technician"));
        Assert.Equal(2, it.Count(r => r["positionTitle"] == "Network Technician"));
        Assert.Single(it, r => r["positionTitle"] == "Chief Technology Officer");
        Assert.Single(it, r => r["positionTitle"] == "IT Operations Manager");
        Assert.Equal(3, it.Count(r => r["positionTitle"] is "Senior Network Engineer" or "Network Engineer" or "VoIP Programmer and Technician"));
        Assert.All(it, r => Assert.Equal("", r["personSourcedId"]));
    }

    [Fact]
    public void Every_staff_user_of_the_roster_is_in_hr_with_their_user_id()
    {
        var hr = district["hr/staff.csv"].Rows;
        var people = hr.Where(r => r["personSourcedId"] != "").ToDictionary(r => r["personSourcedId"], StringComparer.Ordinal);
        var staffRoles = district["roles.csv"].Rows.Where(r => r["role"] is "teacher" or "principal" or "siteAdministrator" or "aide" or "districtAdministrator").ToList();
        var users = district["users.csv"].Rows.ToDictionary(r => r["sourcedId"], StringComparer.Ordinal);

        Assert.Equal(staffRoles.Select(r => r["userSourcedId"]).Order(StringComparer.Ordinal), people.Keys.Order(StringComparer.Ordinal));
        Assert.All(staffRoles, r =>
        {
            var person = people[r["userSourcedId"]];
            Assert.Contains(r["orgSourcedId"], CsvFile.List(person["siteSourcedIds"]));
            Assert.Equal(users[r["userSourcedId"]]["identifier"], person["employeeId"]);
            Assert.Equal(users[r["userSourcedId"]]["email"], person["email"]);
            Assert.EndsWith("@bayview.example", person["email"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Hr_rows_use_the_documented_values()
    {
        var hr = district["hr/staff.csv"].Rows;
        var orgs = district["orgs.csv"].Rows.Select(r => r["sourcedId"]).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(hr.Count, hr.Select(r => r["employeeId"]).Distinct().Count());
        Assert.Equal("E00001", hr[0]["employeeId"]);
        Assert.Equal(hr.Count, hr.Select(r => r["email"]).Distinct().Count());
        Assert.All(hr, r =>
        {
            Assert.Matches("^E[0-9]{5}$", r["employeeId"]);
            Assert.Contains(r["status"], (string[])["active", "leave", "terminated"]);
            Assert.Equal(r["status"] == "terminated", r["endDate"] != "");
            Assert.All(CsvFile.List(r["siteSourcedIds"]), s => Assert.Contains(s, orgs));
            var start = DateOnly.ParseExact(r["startDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (r["endDate"] != "")
            {
                Assert.True(DateOnly.ParseExact(r["endDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture) > start);
            }
        });
        Assert.Contains(hr, r => r["status"] == "terminated" && r["personSourcedId"] == "");
    }

    [Fact]
    public void Desktop_technicians_cover_every_school_once_in_full_with_a_few_sites_shared()
    {
        var hr = district["hr/staff.csv"].Rows.ToDictionary(r => r["employeeId"], StringComparer.Ordinal);
        var coverage = district["hr/coverage.csv"].Rows;
        var schools = district["orgs.csv"].Rows.Where(o => o["type"] == "school").Select(o => o["sourcedId"]).ToList();

        Assert.All(coverage, c =>
        {
            Assert.Equal("Desktop Technician", hr[c["employeeId"]]["positionTitle"]);
            Assert.Matches("^(0|1)\\.[0-9]{2}$", c["share"]);
            Assert.Contains(c["siteSourcedId"], CsvFile.List(hr[c["employeeId"]]["siteSourcedIds"]));
        });
        var totals = coverage.GroupBy(c => c["siteSourcedId"]).ToDictionary(g => g.Key, g => g.Sum(c => decimal.Parse(c["share"], CultureInfo.InvariantCulture)), StringComparer.Ordinal);
        Assert.All(schools, s => Assert.Equal(1.00m, totals[s]));
        Assert.All(totals.Values, t => Assert.Equal(1.00m, t));
        Assert.Equal(9, coverage.Select(c => c["employeeId"]).Distinct().Count());
        Assert.InRange(coverage.Count(c => c["share"] == "0.50"), 2, 8);
    }
}
